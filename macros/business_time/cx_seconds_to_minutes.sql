{#- Seconds as minutes, typed like every *_minutes column of the marts (decimal(28,6)). -#}
{% macro cx_seconds_to_minutes(seconds) -%}
    cast(({{ seconds }}) / 60.0 as {{ dbt.type_numeric() }})
{%- endmacro %}
