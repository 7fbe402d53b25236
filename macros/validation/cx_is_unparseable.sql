{#- True when a present value cannot be parsed as type_name. `parsed` names the column that
    already holds cx_try_cast(column, type_name), when the model parsed the value once before
    its rules (a values_parsed CTE); otherwise the value is parsed here. -#}
{% macro cx_is_unparseable(column, type_name, parsed=none) -%}
    ({{ column }} is not null and {{ parsed or cx_try_cast(column, type_name) }} is null)
{%- endmacro %}
