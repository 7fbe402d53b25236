{#-
    Position of a row among the rows that share its key and passed the row rules, latest by
    load order first (then by fingerprint, so the choice is deterministic): 1 = the row to keep,
    2 and more = duplicates to reject. Rows that broke a row rule are ranked apart.
-#}
{% macro cx_duplicate_rank(key_columns, row_rule_column, all_columns) -%}
    row_number() over (
        partition by {{ key_columns | join(', ') }}, ({{ row_rule_column }} is null)
        order by _loaded_at desc nulls last, {{ cx_row_fingerprint(all_columns) }} desc
    )
{%- endmacro %}
