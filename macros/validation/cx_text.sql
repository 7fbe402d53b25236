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

{#- DuckDB: trimming a set of characters costs about four times reading the value, so the set
    is trimmed only from values whose first or last character is a space or a control character
    (code 32 or lower); any other value has nothing to trim and is kept as it is. (DuckDB's
    plain trim() would also strip Unicode spaces such as U+00A0, which the other engines keep.)
    The first character is tested by comparing the whole value with '!' (code 33): a value sorts
    below it exactly when its first byte is 32 or lower, or it is empty, which costs a fraction
    of extracting the character (value[1]); the last character has no such shortcut. Both
    comparisons are byte-wise (collate c) whatever the database's default collation. -#}
{% macro duckdb__cx_text(text_value) -%}
    nullif(case
        when {{ text_value }} collate c < '!' or {{ text_value }}[-1] collate c <= ' '
            then trim({{ text_value }}, ' ' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13))
        else {{ text_value }}
    end, '')
{%- endmacro %}
