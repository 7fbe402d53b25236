{#-
    cx_cte_stored_on_incremental_runs(): the keyword of the CTE that cx_raw_rows_to_validate
    fills: `materialized` on incremental runs (a small share of the rows, which the rules read
    several times, stored once), cx_cte_inlined() on full builds (the filters of the rules reach
    the raw rows).
-#}
{% macro cx_cte_stored_on_incremental_runs() -%}
    {%- if is_incremental() -%}
        materialized
    {%- else -%}
        {{ cx_cte_inlined() }}
    {%- endif -%}
{%- endmacro %}
