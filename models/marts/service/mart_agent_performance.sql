{#-
    Agent performance for BI: one row per period (period_type from var cx_voc_periods, default
    month and week; period_start) x agent (agent_key, the agent id hashed with cx_hash: no raw id
    or name here). Each measure counts in the period of its action (int_ticket_actions_attributed):
    assignments when made, replies when written, first replies when given, solves (and the
    reopens, one-touch, SLA and CSAT of the tickets solved) when solved, handoffs when made.
    Only counted agents: bots and system users (role in agents) are left out; so is every id
    unknown to agents when that table has rows. docs/metrics.md "Agents and groups".
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

agent_actions as (

    select
        actions.ticket_id,
        actions.action_type,
        actions.acted_at,
        actions.agent_id,
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
        actions.is_agent_counted
        and actions.action_type <> 'group_assignment'

),

agent_actions_in_periods as (

    select
        period_types.period_type,
        {{ cx_period_start('period_types.period_type', 'agent_actions.acted_at') }} as period_start,
        agent_actions.*

    from agent_actions
    cross join period_types

),

per_ticket as (

    select
        period_type,
        period_start,
        agent_id,
        ticket_id,
        {{ cx_performance_per_ticket('agent_assignment') }}

    from agent_actions_in_periods
    group by period_type, period_start, agent_id, ticket_id

),

aggregated as (

    select
        period_type,
        period_start,
        agent_id,
        {{ cx_performance_measures() }}

    from per_ticket
    group by period_type, period_start, agent_id

),

final as (

    select
        cast(period_type as {{ dbt.type_string() }}) as period_type,
        period_start,
        cast({{ cx_hash('agent_id') }} as {{ dbt.type_string() }}) as agent_key,
        cast(tickets_assigned as {{ dbt.type_bigint() }}) as tickets_assigned,
        {{ cx_performance_columns() }}

    from aggregated

)

select * from final
