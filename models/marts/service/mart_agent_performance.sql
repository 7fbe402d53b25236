{#-
    Agent performance for BI: one row per period (period_type from var cx_voc_periods, default
    month and week; period_start) x agent (agent_key, the agent id hashed with cx_hash: no raw id
    or name here). Each measure counts in the period of its action: assignments when made,
    replies when written, first replies when given, solves (and the reopens, one-touch, SLA and
    CSAT of the tickets solved) when solved, handoffs when made; int_ticket_performance_credited
    holds them per ticket. Only counted agents: bots and system users (role in agents) are left
    out; so is every id unknown to agents when that table has rows. docs/metrics.md "Agents and
    groups". Incremental (docs/incremental.md): recomputes the periods whose credited rows
    changed in the latest build (cx_credited_periods_changed).
-#}
{{ config(
    materialized=cx_incremental_materialized(),
    incremental_strategy='append',
    on_schema_change='append_new_columns',
    pre_hook="{{ cx_delete_credited_periods_changed('agent') }}",
    contract={'enforced': true},
) }}

with

int_ticket_performance_credited as (

    select * from {{ ref('int_ticket_performance_credited') }}
    {{- cx_credited_periods_changed_filter('agent') }}

),

agent_credits as (

    select * from int_ticket_performance_credited
    where
        credited_type = 'agent'
        and not is_withdrawn

),

aggregated as (

    select
        period_type,
        period_start,
        credited_to as agent_id,
        {{ cx_performance_measures() }}

    from agent_credits
    group by period_type, period_start, credited_to

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
