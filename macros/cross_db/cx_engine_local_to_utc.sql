{#-
    cx_engine_local_to_utc(local_timestamp, timezone)

    The engine's own reading of a local wall-clock timestamp in an IANA zone, as a UTC
    timestamp. Engines differ on a local time that occurs twice (DST ends): PostgreSQL and
    DuckDB (ICU) take the later instant, Spark (java.time) the earlier. Use cx_local_to_utc,
    which reads it the same way everywhere; this is only its starting point.
-#}
{% macro cx_engine_local_to_utc(local_timestamp, timezone) -%}
    {{ return(adapter.dispatch('cx_engine_local_to_utc', 'cx_metrics')(local_timestamp, timezone)) }}
{%- endmacro %}

{#- DuckDB (ICU, bundled) and PostgreSQL: timestamp AT TIME ZONE zone gives the instant (timestamptz);
    AT TIME ZONE 'UTC' turns it back into a UTC wall clock, whatever the session time zone. -#}
{% macro default__cx_engine_local_to_utc(local_timestamp, timezone) -%}
    cast(((cast({{ local_timestamp }} as {{ dbt.type_timestamp() }}) at time zone {{ timezone }}) at time zone 'UTC')
        as {{ dbt.type_timestamp() }})
{%- endmacro %}

{#- Spark: to_utc_timestamp reads the wall clock in the given zone (run the session in UTC,
    spark.sql.session.timeZone=UTC, so timestamps are UTC wall clocks as everywhere else). -#}
{% macro spark__cx_engine_local_to_utc(local_timestamp, timezone) -%}
    to_utc_timestamp(cast({{ local_timestamp }} as timestamp), {{ timezone }})
{%- endmacro %}
