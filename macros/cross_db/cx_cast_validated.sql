{#-
    cx_cast_validated(expression, type_name): the typed value of text that its validation model
    has already read with cx_try_cast(expression, type_name) and accepted - a required column
    of a row that passed, or an optional one whose *_reject_reason is null. The result is the
    same as cx_try_cast's; on DuckDB the shape pattern is not matched a second time (at ten
    million events, the regular expression costs more than the cast). Anything not validated
    must go through cx_try_cast.
-#}
{% macro cx_cast_validated(expression, type_name) -%}
    {{ return(adapter.dispatch('cx_cast_validated', 'cx_metrics')(expression, type_name)) }}
{%- endmacro %}

{% macro default__cx_cast_validated(expression, type_name) -%}
    {{ cx_try_cast(expression, type_name) }}
{%- endmacro %}

{#- DuckDB: cx_try_cast's cast without its shape guard: timestamps and dates by
    duckdb__cx_try_cast_unguarded, numbers by duckdb__cx_read_number (as in duckdb__cx_try_cast). -#}
{% macro duckdb__cx_cast_validated(expression, type_name) -%}
    {%- if type_name in ['integer', 'numeric'] -%}
        {%- set text_value = cx_space_trimmed(expression) -%}
        {{ duckdb__cx_read_number(text_value, type_name) }}
    {%- elif type_name in ['timestamp', 'date'] -%}
        {{ duckdb__cx_try_cast_unguarded(expression, type_name) }}
    {%- else -%}
        {{ cx_try_cast(expression, type_name) }}
    {%- endif -%}
{%- endmacro %}
