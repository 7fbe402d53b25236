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
        -- null when no SLA metric of the ticket is measured
        {{ cx_is_any_sla_breached('fct_tickets.') }} as is_any_sla_breached

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

per_ticket as (

    select
        period_type,
        period_start,
        group_name,
        ticket_id,
        {{ cx_performance_per_ticket('group_assignment') }}

    from group_actions_in_periods
    group by period_type, period_start, group_name, ticket_id

),

aggregated as (

    select
        period_type,
        period_start,
        group_name,
        {{ cx_performance_measures() }}

    from per_ticket
    group by period_type, period_start, group_name

),

final as (

    select
        cast(period_type as {{ dbt.type_string() }}) as period_type,
        period_start,
        cast(group_name as {{ dbt.type_string() }}) as group_name,
        cast(tickets_assigned as {{ dbt.type_bigint() }}) as tickets_assigned,
        {{ cx_performance_columns() }}

    from aggregated

)

select * from final
