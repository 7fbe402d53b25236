{#-
    Reporting periods of the voice-of-the-customer marts, from the var cx_voc_periods (default
    [month, week]; any date part dbt.date_trunc knows, e.g. quarter).

    cx_period_types(): a query with one row per period, column period_type; cross join it to
    count each row once per period type.
-#}
{% macro cx_period_types() -%}
    {%- for period in var('cx_voc_periods') %}
    select '{{ period }}' as period_type
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
{%- endmacro %}
