{#-
    cx_duckdb_has_blank_edge(text_value): DuckDB only. True when the text's first or last
    character is a space or a control character (code 32 or lower), or the text is empty: the
    only values that duckdb__cx_text and duckdb__cx_space_trimmed trim, any other value having
    nothing to trim (trimming a set of characters costs DuckDB about four times reading the
    value). The first character is tested by comparing the whole value with '!' (code 33): a
    value sorts below it exactly when its first byte is 32 or lower, or it is empty, which costs
    a fraction of extracting the character (value[1]); the last character has no such shortcut.
    Both comparisons are byte-wise (collate c) whatever the database's default collation.
-#}
{% macro cx_duckdb_has_blank_edge(text_value) -%}
    ({{ text_value }} collate c < '!' or {{ text_value }}[-1] collate c <= ' ')
{%- endmacro %}
