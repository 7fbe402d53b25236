{#-
    cx_add_seconds(timestamp, seconds)

    A timestamp moved by a whole number of seconds (negative = earlier), as a short expression
    on every engine (dbt.dateadd repeats its argument several times on Spark, which nested calls
    such as cx_local_to_utc's multiply).
-#}
{% macro cx_add_seconds(timestamp, seconds) -%}
    {{ return(adapter.dispatch('cx_add_seconds', 'cx_metrics')(timestamp, seconds)) }}
{%- endmacro %}

{#- DuckDB and PostgreSQL: timestamp + seconds x a one-second interval. -#}
{% macro default__cx_add_seconds(timestamp, seconds) -%}
    ({{ timestamp }} + ({{ seconds }}) * interval '1 second')
{%- endmacro %}

{#- Spark: timestampadd. -#}
{% macro spark__cx_add_seconds(timestamp, seconds) -%}
    timestampadd(second, {{ seconds }}, {{ timestamp }})
{%- endmacro %}
