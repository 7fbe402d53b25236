{#-
    cx_loyalty_impact()

    The loyalty-impact figures a SQL model may read, as a relation to select from: the Python
    model mart_loyalty_impact where dbt Python models run (DuckDB), else a one-row stand-in
    (row_type 'revenue_at_risk', label 'all', revenue_at_risk null) so the caller stays pure SQL.
    On DuckDB the caller then depends on a Python model, so the macro tags it `python` as well:
    `dbt build --exclude tag:python` leaves both out together. Dispatched.
-#}
{% macro cx_loyalty_impact() -%}
    {{ return(adapter.dispatch('cx_loyalty_impact', 'cx_metrics')()) }}
{%- endmacro %}

{#- Engines without dbt Python models (PostgreSQL, Spark): no revenue at risk. -#}
{% macro default__cx_loyalty_impact() -%}
    (
        select
            'revenue_at_risk' as row_type,
            'all' as label,
            cast(null as {{ dbt.type_numeric() }}) as revenue_at_risk
    ) as no_python_models
{%- endmacro %}

{% macro duckdb__cx_loyalty_impact() -%}
    {%- do config(tags=['python']) -%}
    {{ ref('mart_loyalty_impact') }}
{%- endmacro %}
