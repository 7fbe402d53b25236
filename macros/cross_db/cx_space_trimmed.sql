{#-
    cx_space_trimmed(expression): the value as text with the spaces at both ends removed (the
    SQL standard's trim, spaces only), the text that cx_try_cast and cx_try_cast_unguarded parse.
    DuckDB trims only the values whose first or last character is a space or a control character
    (cx_duckdb_has_blank_edge, as duckdb__cx_text), and trims spaces only, as PostgreSQL and
    Spark do: DuckDB's plain trim() also strips Unicode spaces such as U+00A0, and trimming every
    value cost a third of parsing a timestamp (10.5M values, 2026-12-03). Values from cx_text
    (every raw value) have nothing to trim.
-#}
{% macro cx_space_trimmed(expression) -%}
    {%- set text_value = 'cast(' ~ expression ~ ' as ' ~ dbt.type_string() ~ ')' -%}
    {{ return(adapter.dispatch('cx_space_trimmed', 'cx_metrics')(text_value)) }}
{%- endmacro %}

{% macro default__cx_space_trimmed(text_value) -%}
    trim({{ text_value }})
{%- endmacro %}

{% macro duckdb__cx_space_trimmed(text_value) -%}
    (case
        when {{ cx_duckdb_has_blank_edge(text_value) }}
            then trim({{ text_value }}, ' ')
        else {{ text_value }}
    end)
{%- endmacro %}
