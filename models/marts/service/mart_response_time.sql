{#-
    Response time per day × channel × priority × group: tickets created that day (UTC) and how
    fast and how well they were answered. Percentiles are continuous (cx_percentile); SLA
    attainment rates count only tickets whose SLA is measured (a policy exists and, for
    business-hours policies, a schedule exists). Rates are fractions 0-1.
-#}
{{ config(contract={'enforced': true}) }}

with

fct_tickets as (

    select * from {{ ref('fct_tickets') }}

),

tickets_flagged as (

    select
        created_date,
        channel,
        priority,
        coalesce(group_name, '(none)') as group_name,
        first_reply_at,
        first_reply_minutes,
        first_reply_business_minutes,
        next_reply_count,
        is_first_reply_sla_breached,
        is_next_reply_sla_breached,
        is_open_breach,
        {{ cx_is_any_sla_breached() }} as is_any_sla_breached

    from fct_tickets

),

aggregated as (

    select
        created_date as report_date,
        channel,
        priority,
        group_name,
        count(*) as tickets_created,
        count(first_reply_at) as tickets_replied,
        {{ cx_first_reply_percentiles() }},
        sum(next_reply_count) as next_replies,
        count(is_first_reply_sla_breached) as first_reply_sla_tickets,
        sum(case when is_first_reply_sla_breached then 1 else 0 end) as first_reply_sla_breached_tickets,
        count(is_next_reply_sla_breached) as next_reply_sla_tickets,
        sum(case when is_next_reply_sla_breached then 1 else 0 end) as next_reply_sla_breached_tickets,
        count(is_any_sla_breached) as sla_tickets,
        sum(case when is_any_sla_breached then 1 else 0 end) as sla_breached_tickets,
        sum(case when is_open_breach then 1 else 0 end) as open_breach_tickets

    from tickets_flagged
    group by created_date, channel, priority, group_name

),

final as (

    select
        report_date,
        channel,
        priority,
        group_name,
        cast(tickets_created as {{ dbt.type_bigint() }}) as tickets_created,
        cast(tickets_replied as {{ dbt.type_bigint() }}) as tickets_replied,
        cast(first_reply_median_minutes as {{ dbt.type_numeric() }}) as first_reply_median_minutes,
        cast(first_reply_p90_minutes as {{ dbt.type_numeric() }}) as first_reply_p90_minutes,
        cast(first_reply_median_business_minutes as {{ dbt.type_numeric() }}) as first_reply_median_business_minutes,
        cast(first_reply_p90_business_minutes as {{ dbt.type_numeric() }}) as first_reply_p90_business_minutes,
        cast(next_replies as {{ dbt.type_bigint() }}) as next_replies,
        cast(first_reply_sla_tickets as {{ dbt.type_bigint() }}) as first_reply_sla_tickets,
        cast(first_reply_sla_breached_tickets as {{ dbt.type_bigint() }}) as first_reply_sla_breached_tickets,
        cast(
            1 - first_reply_sla_breached_tickets * 1.0 / nullif(first_reply_sla_tickets, 0)
            as {{ dbt.type_numeric() }}
        ) as first_reply_sla_attainment_rate,
        cast(next_reply_sla_tickets as {{ dbt.type_bigint() }}) as next_reply_sla_tickets,
        cast(next_reply_sla_breached_tickets as {{ dbt.type_bigint() }}) as next_reply_sla_breached_tickets,
        cast(
            1 - next_reply_sla_breached_tickets * 1.0 / nullif(next_reply_sla_tickets, 0)
            as {{ dbt.type_numeric() }}
        ) as next_reply_sla_attainment_rate,
        cast(sla_tickets as {{ dbt.type_bigint() }}) as sla_tickets,
        cast(sla_breached_tickets as {{ dbt.type_bigint() }}) as sla_breached_tickets,
        cast(1 - sla_breached_tickets * 1.0 / nullif(sla_tickets, 0) as {{ dbt.type_numeric() }})
            as sla_attainment_rate,
        cast(open_breach_tickets as {{ dbt.type_bigint() }}) as open_breach_tickets

    from aggregated

)

select * from final
