{#-
    cx_instant_as_utc_text(expression): a timestamp with time zone (an instant) as the text of
    its UTC wall clock, 'YYYY-MM-DD HH:MM:SS[.ffffff]', whatever the session time zone.
-#}
{% macro cx_instant_as_utc_text(expression) -%}
    {{ return(adapter.dispatch('cx_instant_as_utc_text', 'cx_metrics')(expression)) }}
{%- endmacro %}

{#- DuckDB (ICU) and PostgreSQL: timestamptz AT TIME ZONE 'UTC' is the UTC wall clock. -#}
{% macro default__cx_instant_as_utc_text(expression) -%}
    cast(({{ expression }} at time zone 'UTC') as {{ dbt.type_string() }})
{%- endmacro %}

{#- Spark: a timestamp renders in the session zone; to_utc_timestamp from the session zone moves
    it so that it renders as its UTC wall clock. -#}
{% macro spark__cx_instant_as_utc_text(expression) -%}
    cast(to_utc_timestamp({{ expression }}, current_timezone()) as string)
{%- endmacro %}
