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
      integer    [+-]digits, within the 32-bit range
      numeric    [+-]digits[.digits][e[+-]exp]
      boolean    true/t/yes/y/1, false/f/no/n/0 (any case)
    Results are identical on DuckDB, PostgreSQL and Spark (docs/engines.md).
-#}
{% macro cx_try_cast(expression, type_name) -%}
    {%- set text_value = 'trim(cast(' ~ expression ~ ' as ' ~ dbt.type_string() ~ '))' -%}
    {%- if type_name == 'boolean' -%}
        {{ cx_parse_boolean(text_value) }}
    {%- else -%}
        {{ return(adapter.dispatch('cx_try_cast', 'cx_metrics')(text_value, type_name)) }}
    {%- endif -%}
{%- endmacro %}

{#- The SQL type of a contract type name. -#}
{% macro cx_type(type_name) -%}
    {%- if type_name == 'timestamp' -%} {{ dbt.type_timestamp() }}
    {%- elif type_name == 'date' -%} date
    {%- elif type_name == 'integer' -%} {{ dbt.type_int() }}
    {%- elif type_name == 'numeric' -%} {{ dbt.type_numeric() }}
    {%- elif type_name == 'boolean' -%} {{ dbt.type_boolean() }}
    {%- elif type_name == 'string' -%} {{ dbt.type_string() }}
    {%- else -%} {{ exceptions.raise_compiler_error("cx_type: unknown type '" ~ type_name ~ "'") }}
    {%- endif -%}
{%- endmacro %}

{#- Shape patterns shared by every engine (no backslashes: Spark unescapes them in literals). -#}
{% macro cx_try_cast_pattern(type_name) -%}
    {%- set date_part = '[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])' -%}
    {%- if type_name == 'integer' -%} ^[+-]?[0-9]{1,10}$
    {%- elif type_name == 'numeric' -%} ^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]{1,3})?$
    {%- elif type_name == 'date' -%} ^{{ date_part }}$
    {%- elif type_name == 'timestamp' -%}
        ^{{ date_part }}([ T]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9]([.][0-9]{1,6})?)?(Z|[+-]00(:?00)?)?)?$
    {%- else -%} {{ exceptions.raise_compiler_error("cx_try_cast: unknown type '" ~ type_name ~ "'") }}
    {%- endif -%}
{%- endmacro %}

{#- DuckDB and Spark: shape guard, then the native try_cast (which also rejects 2026-02-30). -#}
{% macro default__cx_try_cast(text_value, type_name) -%}
    (case
        when {{ cx_regex_match(text_value, cx_try_cast_pattern(type_name)) }}
            then try_cast({{ text_value }} as {{ cx_type(type_name) }})
    end)
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
                then cast({{ text_value }} as integer)
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

{#- Booleans are parsed the same way everywhere: true/t/yes/y/1 and false/f/no/n/0. -#}
{% macro cx_parse_boolean(expression) -%}
    (case
        when lower({{ expression }}) in ('true', 't', 'yes', 'y', '1') then true
        when lower({{ expression }}) in ('false', 'f', 'no', 'n', '0') then false
    end)
{%- endmacro %}

{#- cx_regex_match(expression, pattern): true when the text matches the (anchored) pattern. -#}
{% macro cx_regex_match(expression, pattern) -%}
    {{ return(adapter.dispatch('cx_regex_match', 'cx_metrics')(expression, pattern)) }}
{%- endmacro %}

{% macro default__cx_regex_match(expression, pattern) -%}
    regexp_matches({{ expression }}, '{{ pattern }}')
{%- endmacro %}

{% macro postgres__cx_regex_match(expression, pattern) -%}
    ({{ expression }} ~ '{{ pattern }}')
{%- endmacro %}

{% macro spark__cx_regex_match(expression, pattern) -%}
    ({{ expression }} rlike '{{ pattern }}')
{%- endmacro %}
