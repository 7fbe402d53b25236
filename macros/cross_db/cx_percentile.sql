{#-
    cx_percentile(expression, fraction)

    Continuous percentile (linear interpolation between the two nearest values, like
    PERCENTILE_CONT) of a numeric expression, as an aggregate: use it with group by.
    fraction is a number between 0 and 1 (0.5 = median). Nulls are ignored.

    shared_with: the fractions that the same aggregation takes of the same expression, this one
    among them (e.g. [0.5, 0.9] for a median and a p90). On DuckDB the items then share one
    aggregate, which sorts the values once for all of them; the other engines ignore it.
-#}
{% macro cx_percentile(expression, fraction, shared_with=none) -%}
    {{ return(adapter.dispatch('cx_percentile', 'cx_metrics')(expression, fraction, shared_with)) }}
{%- endmacro %}

{#- DuckDB: quantile_cont is exact and interpolates. Computed in double precision like the
    other engines (on a decimal input DuckDB would truncate the interpolation to its scale,
    where PostgreSQL and Spark round). -#}
{% macro default__cx_percentile(expression, fraction, shared_with=none) -%}
    quantile_cont(cast({{ expression }} as double), {{ fraction }})
{%- endmacro %}

{#- DuckDB with shared_with: one quantile_cont over the list of fractions, indexed (1-based);
    DuckDB computes identical aggregates of a query once. -#}
{% macro duckdb__cx_percentile(expression, fraction, shared_with=none) -%}
    {%- if shared_with -%}
        {%- if fraction not in shared_with -%}
            {{ exceptions.raise_compiler_error(
                'cx_percentile: fraction ' ~ fraction ~ ' is not in shared_with ' ~ shared_with) }}
        {%- endif -%}
        quantile_cont(cast({{ expression }} as double), [{{ shared_with | join(', ') }}])[{{ shared_with.index(fraction) + 1 }}]
    {%- else -%}
        {{ default__cx_percentile(expression, fraction) }}
    {%- endif -%}
{%- endmacro %}

{#- PostgreSQL: the ordered-set aggregate; it takes double precision, so cast numerics. -#}
{% macro postgres__cx_percentile(expression, fraction, shared_with=none) -%}
    percentile_cont({{ fraction }}) within group (order by cast({{ expression }} as {{ dbt.type_float() }}))
{%- endmacro %}

{#- Spark: percentile() is exact and interpolates (percentile_approx would not be). -#}
{% macro spark__cx_percentile(expression, fraction, shared_with=none) -%}
    percentile(cast({{ expression }} as double), {{ fraction }})
{%- endmacro %}
