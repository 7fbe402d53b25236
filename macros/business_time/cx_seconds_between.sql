{#- Whole seconds from one timestamp to another (negative when `to` is earlier). -#}
{% macro cx_seconds_between(from_timestamp, to_timestamp) -%}
    {{ dbt.datediff(from_timestamp, to_timestamp, 'second') | trim }}
{%- endmacro %}
