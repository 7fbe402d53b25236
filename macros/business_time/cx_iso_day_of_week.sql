{#- ISO day of week of a date (1 = Monday ... 7 = Sunday), counted from Monday 1900-01-01. -#}
{% macro cx_iso_day_of_week(date_expression) -%}
    ({{ dbt.datediff("cast('1900-01-01' as date)", date_expression, 'day') }} % 7 + 1)
{%- endmacro %}
