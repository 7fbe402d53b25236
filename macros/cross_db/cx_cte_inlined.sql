{#-
    cx_cte_inlined(): the keyword that makes a CTE read several times be computed in each place
    that reads it, so that filters reach the rows below it instead of all its rows being stored
    first - `not materialized` on DuckDB and PostgreSQL (DuckDB otherwise stores every CTE read
    more than once); nothing on Spark, which has no such keyword and inlines CTEs itself.
-#}
{% macro cx_cte_inlined() -%}
    {{ return(adapter.dispatch('cx_cte_inlined', 'cx_metrics')()) }}
{%- endmacro %}

{% macro default__cx_cte_inlined() -%}
    not materialized
{%- endmacro %}

{% macro spark__cx_cte_inlined() -%}
{%- endmacro %}
