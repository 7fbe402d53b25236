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
        ticket_id,
        action_type,
        acted_at,
        agent_id,
        is_reopened_after,
        csat_responses,
        csat_satisfied_responses

    from int_ticket_actions_attributed
    where
        is_agent_counted
        and action_type <> 'group_assignment'

),

-- Read twice below (per ticket, per action): computed in each place, not stored first.
agent_actions_in_periods as {{ cx_cte_inlined() }} (

    select
        period_types.period_type,
        {{ cx_period_start('period_types.period_type', 'agent_actions.acted_at') }} as period_start,
        agent_actions.*

    from agent_actions
    cross join period_types

),

-- An assignment, a first reply or a solve counts once per period, agent and ticket, however
-- many times it happened.
per_ticket as (

    select
        period_type,
        period_start,
        agent_id,
        ticket_id,
        {{ cx_performance_per_ticket('agent_assignment') }}

    from agent_actions_in_periods
    where action_type in ('agent_assignment', 'first_reply', 'solve')
    group by period_type, period_start, agent_id, ticket_id

),

-- One row per period, agent and ticket (with what fct_tickets knows of it), then one per period
-- and agent with the public replies and handoffs, each counted every time.
measured as (

    {{ cx_performance_rows('per_ticket', 'fct_tickets', 'agent_actions_in_periods', 'agent_id') }}

),

aggregated as (

    select
        period_type,
        period_start,
        agent_id,
        {{ cx_performance_measures() }}

    from measured
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
