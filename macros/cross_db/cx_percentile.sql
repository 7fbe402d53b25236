{#-
    cx_percentile(expression, fraction)

    Continuous percentile (linear interpolation between the two nearest values, like
    PERCENTILE_CONT) of a numeric expression, as an aggregate: use it with group by.
    fraction is a number between 0 and 1 (0.5 = median). Nulls are ignored.
-#}
{% macro cx_percentile(expression, fraction) -%}
    {{ return(adapter.dispatch('cx_percentile', 'cx_metrics')(expression, fraction)) }}
{%- endmacro %}

{#- DuckDB: quantile_cont is exact and interpolates. Computed in double precision like the
    other engines (on a decimal input DuckDB would truncate the interpolation to its scale,
    where PostgreSQL and Spark round). -#}
{% macro default__cx_percentile(expression, fraction) -%}
    quantile_cont(cast({{ expression }} as double), {{ fraction }})
{%- endmacro %}

{% macro duckdb__cx_percentile(expression, fraction) -%}
    {{ default__cx_percentile(expression, fraction) }}
{%- endmacro %}

{#- PostgreSQL: the ordered-set aggregate; it takes double precision, so cast numerics. -#}
{% macro postgres__cx_percentile(expression, fraction) -%}
    percentile_cont({{ fraction }}) within group (order by cast({{ expression }} as {{ dbt.type_float() }}))
{%- endmacro %}

{#- Spark: percentile() is exact and interpolates (percentile_approx would not be). -#}
{% macro spark__cx_percentile(expression, fraction) -%}
    percentile(cast({{ expression }} as double), {{ fraction }})
{%- endmacro %}
