{#-
    Group performance for BI: one row per period (period_type from var cx_voc_periods, default
    month and week; period_start) x group_name (the ticket's group at the moment of each action,
    '(none)' without one). The measures of mart_agent_performance, each counted in the period of
    its action (int_ticket_actions_attributed), for every ticket in the group whoever its agent
    was, except actions of known bots and system users (role in agents): their replies, first
    replies and the solves made while a ticket was assigned to them. tickets_assigned counts the
    tickets that entered the group. docs/metrics.md "Agents and groups".
-#}
{{ config(contract={'enforced': true}) }}

with

int_ticket_actions_attributed as (

    select * from {{ ref('int_ticket_actions_attributed') }}

),

fct_tickets as (

    select * from {{ ref('fct_tickets') }}

),

period_types as (

    {{ cx_period_types() }}

),

group_actions as (

    select
        actions.ticket_id,
        actions.action_type,
        actions.acted_at,
        coalesce(actions.group_name, '(none)') as group_name,
        actions.is_reopened_after,
        actions.csat_responses,
        actions.csat_satisfied_responses,
        fct_tickets.first_reply_minutes,
        fct_tickets.first_reply_business_minutes,
        fct_tickets.is_one_touch,
        -- as in mart_response_time: null when no SLA metric of the ticket is measured
        case
            when
                fct_tickets.is_first_reply_sla_breached is not null
                or fct_tickets.is_next_reply_sla_breached is not null
                or fct_tickets.is_resolution_sla_breached is not null
                then
                    coalesce(fct_tickets.is_first_reply_sla_breached, false)
                    or coalesce(fct_tickets.is_next_reply_sla_breached, false)
                    or coalesce(fct_tickets.is_resolution_sla_breached, false)
        end as is_any_sla_breached

    from int_ticket_actions_attributed as actions
    inner join fct_tickets
        on actions.ticket_id = fct_tickets.ticket_id
    where
        not actions.is_bot_or_system
        and actions.action_type <> 'agent_assignment'

),

group_actions_in_periods as (

    select
        period_types.period_type,
        {{ cx_period_start('period_types.period_type', 'group_actions.acted_at') }} as period_start,
        group_actions.*

    from group_actions
    cross join period_types

),

aggregated as (

    select
        period_type,
        period_start,
        group_name,
        count(distinct case when action_type = 'group_assignment' then ticket_id end) as tickets_assigned,
        count(distinct case when action_type = 'solve' then ticket_id end) as tickets_solved,
        sum(case when action_type = 'public_reply' then 1 else 0 end) as public_replies,
        count(distinct case when action_type = 'first_reply' then ticket_id end) as first_replied_tickets,
        {{ cx_percentile("case when action_type = 'first_reply' then first_reply_minutes end", 0.5) }}
            as first_reply_median_minutes,
        {{ cx_percentile("case when action_type = 'first_reply' then first_reply_minutes end", 0.9) }}
            as first_reply_p90_minutes,
        {{ cx_percentile("case when action_type = 'first_reply' then first_reply_business_minutes end", 0.5) }}
            as first_reply_median_business_minutes,
        {{ cx_percentile("case when action_type = 'first_reply' then first_reply_business_minutes end", 0.9) }}
            as first_reply_p90_business_minutes,
        count(distinct case when action_type = 'solve' and is_one_touch then ticket_id end) as one_touch_tickets,
        count(distinct case when action_type = 'solve' and is_reopened_after then ticket_id end)
            as reopened_tickets,
        count(distinct case when action_type = 'solve' and is_any_sla_breached is not null then ticket_id end)
            as sla_tickets,
        count(distinct case when action_type = 'solve' and is_any_sla_breached then ticket_id end)
            as sla_breached_tickets,
        sum(case when action_type = 'solve' then csat_responses else 0 end) as csat_responses,
        sum(case when action_type = 'solve' then csat_satisfied_responses else 0 end) as csat_satisfied_responses,
        sum(case when action_type = 'handoff' then 1 else 0 end) as handoffs

    from group_actions_in_periods
    group by period_type, period_start, group_name

),

final as (

    select
        cast(period_type as {{ dbt.type_string() }}) as period_type,
        period_start,
        cast(group_name as {{ dbt.type_string() }}) as group_name,
        cast(tickets_assigned as {{ dbt.type_bigint() }}) as tickets_assigned,
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

    from aggregated

)

select * from final
