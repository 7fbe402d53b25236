{#-
    cx_cte_materialized(): the keyword that makes a CTE computed once, however often the query
    reads it - `materialized` on DuckDB and PostgreSQL; nothing on Spark, which has no such
    keyword (its optimizer decides).
-#}
{% macro cx_cte_materialized() -%}
    {{ return(adapter.dispatch('cx_cte_materialized', 'cx_metrics')()) }}
{%- endmacro %}

{% macro default__cx_cte_materialized() -%}
    materialized
{%- endmacro %}

{% macro spark__cx_cte_materialized() -%}
{%- endmacro %}
