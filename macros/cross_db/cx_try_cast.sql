{#-
    cx_try_cast(expression, type_name)

    Parse a text expression as one of the contract types, returning null instead of failing
    when the text is not a valid value. type_name is one of: timestamp, date, integer,
    numeric, boolean. The engines' own try-casts disagree on edge cases (DuckDB reads '3.0'
    as the integer 3, Spark reads '2026' as a timestamp; PostgreSQL 15 has no try_cast), so
    every engine first checks the text against the same shape pattern, then casts:
      timestamp  YYYY-MM-DD[( |T)HH:MM[:SS[.ffffff]][Z|+00|+00:00]] (UTC: other offsets are
                 not parsed, so a local time is never taken for UTC)
      date       YYYY-MM-DD
      integer    [+-]digits[.0...], within the 32-bit range (a whole number written with a zero
                 fraction, 9.0, as a float column exports it, is the integer 9; 7.5 is not)
      numeric    [+-]digits[.digits][e[+-]exp]
      boolean    true/t/yes/y/1, false/f/no/n/0 (any case)
    Results are identical on DuckDB, PostgreSQL and Spark (docs/engines.md).
-#}
{% macro cx_try_cast(expression, type_name) -%}
    {%- set text_value = cx_space_trimmed(expression) -%}
    {%- if type_name == 'boolean' -%}
        {{ cx_parse_boolean(text_value) }}
    {%- else -%}
        {{ return(adapter.dispatch('cx_try_cast', 'cx_metrics')(text_value, type_name)) }}
    {%- endif -%}
{%- endmacro %}

{#- Spark, and DuckDB for dates and timestamps: shape guard, then the native try_cast (which
    also rejects 2026-02-30). An integer goes through a decimal first, so '9.0' reads the same on
    both (Spark's ANSI try_cast would not read it). -#}
{% macro default__cx_try_cast(text_value, type_name) -%}
    (case
        when {{ cx_regex_match(text_value, cx_try_cast_pattern(type_name)) }}
        {%- if type_name == 'integer' %}
            then try_cast(try_cast({{ text_value }} as decimal(20, 6)) as {{ cx_type(type_name) }})
        {%- else %}
            then try_cast({{ text_value }} as {{ cx_type(type_name) }})
        {%- endif %}
    end)
{%- endmacro %}

{#- DuckDB: as the default, but numbers are read by duckdb__cx_read_number. -#}
{% macro duckdb__cx_try_cast(text_value, type_name) -%}
    {%- if type_name in ['integer', 'numeric'] -%}
    (case
        when {{ cx_regex_match(text_value, cx_try_cast_pattern(type_name)) }}
            then {{ duckdb__cx_read_number(text_value, type_name) }}
    end)
    {%- else -%}
        {{ default__cx_try_cast(text_value, type_name) }}
    {%- endif -%}
{%- endmacro %}

{#- DuckDB: integer or numeric text as its value, read into a decimal of at most 18 digits first;
    only text that does not fit goes to the wide decimal: DuckDB parses text into a decimal of
    more than 18 digits (numeric(28,6), decimal(20,6)) some hundred times slower. Null when the
    text is no number. Shared by duckdb__cx_try_cast (after its shape guard) and
    duckdb__cx_cast_validated. -#}
{% macro duckdb__cx_read_number(text_value, type_name) -%}
    {%- set wide_type = 'decimal(20, 6)' if type_name == 'integer' else cx_type('numeric') -%}
    try_cast(coalesce(try_cast({{ text_value }} as decimal(18, 6)), try_cast({{ text_value }} as {{ wide_type }}))
        as {{ cx_type(type_name) }})
{%- endmacro %}

{#-
    PostgreSQL 15: no try_cast, so the shape guard is followed by explicit range and calendar
    checks; the nested case makes the guard run before the inner cast.
-#}
{% macro postgres__cx_try_cast(text_value, type_name) -%}
    {%- set pattern = cx_try_cast_pattern(type_name) -%}
    {%- if type_name == 'integer' -%}
        (case when {{ text_value }} ~ '{{ pattern }}' then (case
            when cast({{ text_value }} as numeric) between -2147483648 and 2147483647
                then cast(cast({{ text_value }} as numeric) as integer)
        end) end)
    {%- elif type_name == 'numeric' -%}
        (case when {{ text_value }} ~ '{{ pattern }}' then (case
            when abs(round(cast({{ text_value }} as numeric), 6)) < 1e22
                then cast({{ text_value }} as {{ cx_type('numeric') }})
        end) end)
    {%- else -%}
        (case when {{ text_value }} ~ '{{ pattern }}' then (case
            when cast(substr({{ text_value }}, 9, 2) as integer) <= extract(day from (
                cast(substr({{ text_value }}, 1, 7) || '-01' as date) + interval '1 month' - interval '1 day'
            ))
                then cast({{ text_value }} as {{ cx_type(type_name) }})
        end) end)
    {%- endif -%}
{%- endmacro %}
