{#-
    cx_utc_to_local(utc_timestamp, timezone)

    A UTC timestamp (no time zone) as the local wall clock (no time zone) of the IANA zone
    `timezone` at that instant. Unambiguous on every engine (each instant has one local time).
-#}
{% macro cx_utc_to_local(utc_timestamp, timezone) -%}
    {{ return(adapter.dispatch('cx_utc_to_local', 'cx_metrics')(utc_timestamp, timezone)) }}
{%- endmacro %}

{#- DuckDB (ICU) and PostgreSQL: AT TIME ZONE 'UTC' makes the instant, AT TIME ZONE zone its
    wall clock there, whatever the session time zone. -#}
{% macro default__cx_utc_to_local(utc_timestamp, timezone) -%}
    cast(((cast({{ utc_timestamp }} as {{ dbt.type_timestamp() }}) at time zone 'UTC') at time zone {{ timezone }})
        as {{ dbt.type_timestamp() }})
{%- endmacro %}

{#- Spark (session time zone UTC): from_utc_timestamp. -#}
{% macro spark__cx_utc_to_local(utc_timestamp, timezone) -%}
    from_utc_timestamp(cast({{ utc_timestamp }} as timestamp), {{ timezone }})
{%- endmacro %}
