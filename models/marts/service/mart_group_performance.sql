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
        ticket_id,
        action_type,
        acted_at,
        coalesce(group_name, '(none)') as group_name,
        is_reopened_after,
        csat_responses,
        csat_satisfied_responses

    from int_ticket_actions_attributed
    where
        not is_bot_or_system
        and action_type <> 'agent_assignment'

),

-- Read twice below (per ticket, per action): computed in each place, not stored first.
group_actions_in_periods as {{ cx_cte_inlined() }} (

    select
        period_types.period_type,
        {{ cx_period_start('period_types.period_type', 'group_actions.acted_at') }} as period_start,
        group_actions.*

    from group_actions
    cross join period_types

),

-- A group assignment, a first reply or a solve counts once per period, group and ticket,
-- however many times it happened.
per_ticket as (

    select
        period_type,
        period_start,
        group_name,
        ticket_id,
        {{ cx_performance_per_ticket('group_assignment') }}

    from group_actions_in_periods
    where action_type in ('group_assignment', 'first_reply', 'solve')
    group by period_type, period_start, group_name, ticket_id

),

-- One row per period, group and ticket (with what fct_tickets knows of it), then one per period
-- and group with the public replies and handoffs, each counted every time.
measured as (

    {{ cx_performance_rows('per_ticket', 'fct_tickets', 'group_actions_in_periods', 'group_name') }}

),

aggregated as (

    select
        period_type,
        period_start,
        group_name,
        {{ cx_performance_measures() }}

    from measured
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
