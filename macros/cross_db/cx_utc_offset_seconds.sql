{#-
    cx_utc_offset_seconds(utc_timestamp, timezone)

    The offset of the IANA zone `timezone` from UTC at the instant `utc_timestamp` (a UTC
    timestamp without time zone), in seconds: local wall clock minus UTC (New York in summer:
    -14,400; Lord Howe in summer: 39,600). A short expression on every engine.
-#}
{% macro cx_utc_offset_seconds(utc_timestamp, timezone) -%}
    {{ return(adapter.dispatch('cx_utc_offset_seconds', 'cx_metrics')(utc_timestamp, timezone)) }}
{%- endmacro %}

{#- DuckDB and PostgreSQL: the length of the interval local wall clock - UTC, in seconds. -#}
{% macro default__cx_utc_offset_seconds(utc_timestamp, timezone) -%}
    cast(extract(epoch from ({{ cx_utc_to_local(utc_timestamp, timezone) }} - {{ utc_timestamp }})) as {{ dbt.type_bigint() }})
{%- endmacro %}

{#- Spark (session time zone UTC): the difference of the two wall clocks as epoch seconds. -#}
{% macro spark__cx_utc_offset_seconds(utc_timestamp, timezone) -%}
    (unix_timestamp({{ cx_utc_to_local(utc_timestamp, timezone) }}) - unix_timestamp({{ utc_timestamp }}))
{%- endmacro %}
