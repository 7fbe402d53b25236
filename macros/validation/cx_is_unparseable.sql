{#- True when a present value cannot be parsed as type_name. -#}
{% macro cx_is_unparseable(column, type_name) -%}
    ({{ column }} is not null and {{ cx_try_cast(column, type_name) }} is null)
{%- endmacro %}
