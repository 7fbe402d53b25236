{#-
    cx_local_to_utc(local_timestamp, timezone)

    A wall-clock timestamp (no time zone) read as local time in the IANA zone `timezone`
    (a column or a quoted literal), returned as a UTC timestamp (no time zone). DST is the
    engine's: a local time that does not exist (the hour skipped in spring) moves forward by
    the gap; an ambiguous one (the hour repeated in autumn) takes one of its two instants.
    Business schedules rarely start inside those hours; docs/engines.md has the details.
-#}
{% macro cx_local_to_utc(local_timestamp, timezone) -%}
    {{ return(adapter.dispatch('cx_local_to_utc', 'cx_metrics')(local_timestamp, timezone)) }}
{%- endmacro %}

{#- DuckDB (ICU, bundled) and PostgreSQL: timestamp AT TIME ZONE zone gives the instant (timestamptz);
    AT TIME ZONE 'UTC' turns it back into a UTC wall clock, whatever the session time zone. -#}
{% macro default__cx_local_to_utc(local_timestamp, timezone) -%}
    cast(((cast({{ local_timestamp }} as {{ dbt.type_timestamp() }}) at time zone {{ timezone }}) at time zone 'UTC')
        as {{ dbt.type_timestamp() }})
{%- endmacro %}

{% macro duckdb__cx_local_to_utc(local_timestamp, timezone) -%}
    {{ default__cx_local_to_utc(local_timestamp, timezone) }}
{%- endmacro %}

{% macro postgres__cx_local_to_utc(local_timestamp, timezone) -%}
    {{ default__cx_local_to_utc(local_timestamp, timezone) }}
{%- endmacro %}

{#- Spark: to_utc_timestamp reads the wall clock in the given zone (run the session in UTC,
    spark.sql.session.timeZone=UTC, so timestamps are UTC wall clocks as everywhere else). -#}
{% macro spark__cx_local_to_utc(local_timestamp, timezone) -%}
    to_utc_timestamp(cast({{ local_timestamp }} as timestamp), {{ timezone }})
{%- endmacro %}
