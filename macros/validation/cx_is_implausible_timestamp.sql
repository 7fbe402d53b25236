{#-
    True when a present, parseable timestamp lies outside the plausible window: before var
    cx_timestamps_not_before (default 2000-01-01) or after var cx_timestamps_not_after, which by
    default (null) is the build's start time plus var cx_timestamps_future_tolerance_hours
    (default 24: clocks of source systems run a little ahead). Both bounds are UTC literals
    rendered at compile time, so a row stamped in 2999 or 1900 is quarantined and never moves
    the as-of time, the business clock or a reporting window. `parsed` names the column that
    already holds cx_try_cast(column, 'timestamp'), when the model parsed the value once before
    its rules (a values_parsed CTE).
-#}
{% macro cx_is_implausible_timestamp(column, parsed=none) -%}
    {%- set not_before = var('cx_timestamps_not_before', '2000-01-01') -%}
    {%- set not_after = var('cx_timestamps_not_after', none) -%}
    {%- if not not_after -%}
        {%- set tolerance = modules.datetime.timedelta(hours=var('cx_timestamps_future_tolerance_hours', 24) | float) -%}
        {%- set not_after = (run_started_at + tolerance).strftime('%Y-%m-%d %H:%M:%S') -%}
    {%- endif -%}
    {%- set parsed = parsed or cx_try_cast(column, 'timestamp') -%}
    {#- One parse of the value (a range test reads it once; null stays null). -#}
    ({{ parsed }} not between cast('{{ not_before }}' as {{ dbt.type_timestamp() }})
        and cast('{{ not_after }}' as {{ dbt.type_timestamp() }}))
{%- endmacro %}
