{#-
    cx_performance_columns(): the typed columns of mart_agent_performance and
    mart_group_performance after tickets_assigned, from the measures of cx_performance_measures
    (counts as bigint; rates, minutes and shares as numeric; rates null when nothing to divide).
-#}
{% macro cx_performance_columns() -%}
        cast(tickets_solved as {{ dbt.type_bigint() }}) as tickets_solved,
        cast(public_replies as {{ dbt.type_bigint() }}) as public_replies,
        cast(first_replied_tickets as {{ dbt.type_bigint() }}) as first_replied_tickets,
        cast(first_reply_median_minutes as {{ dbt.type_numeric() }}) as first_reply_median_minutes,
        cast(first_reply_p90_minutes as {{ dbt.type_numeric() }}) as first_reply_p90_minutes,
        cast(first_reply_median_business_minutes as {{ dbt.type_numeric() }}) as first_reply_median_business_minutes,
        cast(first_reply_p90_business_minutes as {{ dbt.type_numeric() }}) as first_reply_p90_business_minutes,
        cast(one_touch_tickets as {{ dbt.type_bigint() }}) as one_touch_tickets,
        cast(one_touch_tickets * 1.0 / nullif(tickets_solved, 0) as {{ dbt.type_numeric() }}) as one_touch_rate,
        cast(reopened_tickets as {{ dbt.type_bigint() }}) as reopened_tickets,
        cast(reopened_tickets * 1.0 / nullif(tickets_solved, 0) as {{ dbt.type_numeric() }}) as reopen_rate,
        cast(sla_tickets as {{ dbt.type_bigint() }}) as sla_tickets,
        cast(sla_breached_tickets as {{ dbt.type_bigint() }}) as sla_breached_tickets,
        cast(1 - sla_breached_tickets * 1.0 / nullif(sla_tickets, 0) as {{ dbt.type_numeric() }})
            as sla_attainment_rate,
        cast(csat_responses as {{ dbt.type_bigint() }}) as csat_responses,
        cast(csat_satisfied_responses as {{ dbt.type_bigint() }}) as csat_satisfied_responses,
        cast(
            {{ cx_csat_share('csat_satisfied_responses', 'csat_responses') }} as {{ dbt.type_numeric() }}
        ) as csat_satisfied_share,
        cast(handoffs as {{ dbt.type_bigint() }}) as handoffs
{%- endmacro %}
