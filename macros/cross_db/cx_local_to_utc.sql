{#-
    cx_local_to_utc(local_timestamp, timezone)

    A wall-clock timestamp (no time zone) read as local time in the IANA zone `timezone`
    (a column or a quoted literal), returned as a UTC timestamp (no time zone). One reading on
    every engine (docs/engines.md "Local wall time to UTC"):

    - a local time that occurs twice (the hour repeated when DST ends, e.g. 01:30 in
      America/New_York on 2025-11-02; the half hour repeated in Australia/Lord_Howe) reads as
      its FIRST occurrence, the earlier instant (01:30 EDT = 05:30 UTC, not 01:30 EST);
    - a local time that does not exist (the hour skipped when DST starts) moves forward by the
      gap (02:30 on 2025-03-09 in New York = 03:30 EDT = 07:30 UTC).

    The engines disagree on the repeated hour (PostgreSQL and DuckDB take the later instant,
    Spark the earlier), so their own reading u (cx_engine_local_to_utc) only seeds three
    candidates. With offset(x) = local wall clock at instant x - x (cx_utc_offset_seconds, from
    cx_utc_to_local, which is unambiguous everywhere; shifts with cx_add_seconds, which keeps the
    expression short on Spark):
        c1 = L - offset(u - 3 h)   the reading with the offset in force just before u
        c2 = u                     the engine's reading
        c3 = L - offset(u + 3 h)   the reading with the offset in force just after u
    The result is the first candidate whose local wall clock is L: c1 wins when L occurs twice
    (it is the earlier of the two instants); when L does not exist, none matches and c1 (the
    offset before the gap applied) is L moved forward by the gap. Away from a DST change all
    three are equal. (DST changes are months apart, so 3 hours either side of u see at most one.)
-#}
{% macro cx_local_to_utc(local_timestamp, timezone) -%}
    {%- set local_at = 'cast(' ~ local_timestamp ~ ' as ' ~ dbt.type_timestamp() ~ ')' -%}
    {%- set engine_reading = cx_engine_local_to_utc(local_at, timezone) -%}
    {#- L - offset(u - 3 h) and L - offset(u + 3 h) -#}
    {%- set offset_before = cx_add_seconds(local_at,
        '-' ~ cx_utc_offset_seconds(cx_add_seconds(engine_reading, -10800), timezone)) -%}
    {%- set offset_after = cx_add_seconds(local_at,
        '-' ~ cx_utc_offset_seconds(cx_add_seconds(engine_reading, 10800), timezone)) -%}
    case
        when {{ cx_utc_to_local(offset_before, timezone) }} = {{ local_at }} then {{ offset_before }}
        when {{ cx_utc_to_local(engine_reading, timezone) }} = {{ local_at }} then {{ engine_reading }}
        when {{ cx_utc_to_local(offset_after, timezone) }} = {{ local_at }} then {{ offset_after }}
        else {{ offset_before }}
    end
{%- endmacro %}
