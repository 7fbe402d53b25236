{#- Calendar minutes between two timestamps. -#}
{% macro cx_minutes_between(from_timestamp, to_timestamp) -%}
    {{ cx_seconds_to_minutes(cx_seconds_between(from_timestamp, to_timestamp)) }}
{%- endmacro %}
