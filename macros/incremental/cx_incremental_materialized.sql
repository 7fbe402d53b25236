{#-
    The materialization of the event-heavy models (docs/incremental.md): incremental on engines
    with a delete+insert strategy (DuckDB, PostgreSQL), table on Spark (parquet tables without
    Delta or Iceberg cannot delete or merge rows) and wherever var cx_incremental is false.
-#}
{% macro cx_incremental_materialized() -%}
    {%- if var('cx_incremental', true) and target.type in ['duckdb', 'postgres'] -%}
        incremental
    {%- else -%}
        table
    {%- endif -%}
{%- endmacro %}
