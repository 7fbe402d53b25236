{#-
    A value as text: cast to string, whitespace trimmed at both ends (spaces, tabs, line breaks,
    vertical tabs and form feeds: ASCII 9-13 and 32), the empty string as null. Every raw value
    the validation models read goes through it (cx_raw_as_text), so 'T033', ' T033' and
    'T033<tab>' are the same id in every table.
-#}
{% macro cx_text(column) -%}
    {%- set text_value = 'cast(' ~ column ~ ' as ' ~ dbt.type_string() ~ ')' -%}
    {{ return(adapter.dispatch('cx_text', 'cx_metrics')(text_value)) }}
{%- endmacro %}

{% macro default__cx_text(text_value) -%}
    nullif(trim(both ' ' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) from {{ text_value }}), '')
{%- endmacro %}

{#- DuckDB: only the values with a blank first or last character (cx_duckdb_has_blank_edge) are
    trimmed. (DuckDB's plain trim() would also strip Unicode spaces such as U+00A0, which the
    other engines keep.) -#}
{% macro duckdb__cx_text(text_value) -%}
    nullif(case
        when {{ cx_duckdb_has_blank_edge(text_value) }}
            then trim({{ text_value }}, ' ' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13))
        else {{ text_value }}
    end, '')
{%- endmacro %}
