{#-
    Reporting periods of the voice-of-the-customer marts, from the var cx_voc_periods (default
    [month, week]; any date part dbt.date_trunc knows, e.g. quarter).

    cx_period_start(period_type, timestamp): the date the period of that type starts
    (dbt.date_trunc: months start on the 1st, ISO weeks on Monday, on every engine).
-#}
{% macro cx_period_start(period_type, timestamp) -%}
    cast(
        case {{ period_type }}
            {%- for period in var('cx_voc_periods') %}
            when '{{ period }}' then {{ dbt.date_trunc(period, timestamp) }}
            {%- endfor %}
        end as date
    )
{%- endmacro %}
