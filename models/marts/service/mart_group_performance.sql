{#-
    Group performance for BI: one row per period (period_type from var cx_voc_periods, default
    month and week; period_start) x group_name (the ticket's group at the moment of each action,
    '(none)' without one). The measures of mart_agent_performance, each counted in the period of
    its action (int_ticket_performance_credited holds them per ticket), for every ticket in the
    group whoever its agent was, except actions of known bots and system users (role in agents):
    their replies, first replies and the solves made while a ticket was assigned to them.
    tickets_assigned counts the tickets that entered the group. docs/metrics.md "Agents and
    groups".
    Incremental (docs/incremental.md): recomputes the periods whose credited rows changed in the
    latest build (cx_credited_periods_changed).
-#}
{{ config(
    materialized=cx_incremental_materialized(),
    incremental_strategy='append',
    on_schema_change='append_new_columns',
    pre_hook="{{ cx_delete_credited_periods_changed('group') }}",
    contract={'enforced': true},
) }}

with

int_ticket_performance_credited as (

    select * from {{ ref('int_ticket_performance_credited') }}
    {{- cx_credited_periods_changed_filter('group') }}

),

group_credits as (

    select * from int_ticket_performance_credited
    where
        credited_type = 'group'
        and not is_withdrawn

),

aggregated as (

    select
        period_type,
        period_start,
        credited_to as group_name,
        {{ cx_performance_measures() }}

    from group_credits
    group by period_type, period_start, credited_to

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
