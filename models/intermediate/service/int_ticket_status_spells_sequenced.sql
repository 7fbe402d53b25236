{#-
    Status spells: one row per stretch of time a ticket spent in one status, from the status
    changes in ticket order (event_at, then load order, then event_id). A ticket is 'new' from
    created_at until its first status change; repeated events with the status the ticket
    already has (help desks that log every update, like ServiceNow) continue the spell. The
    current spell has ended_at null. Solves and reopens are flagged on the spell that starts
    with them; see int_tickets_resolution_summarized for the per-ticket counts.
-#}
{{ config(
    materialized=cx_incremental_materialized(),
    incremental_strategy='delete+insert',
    on_schema_change='append_new_columns',
    unique_key='ticket_id',
) }}
with

stg_cx__tickets as (

    select * from {{ ref('stg_cx__tickets') }}
    {{- cx_rebuild_filter('ticket_id', 'int_tickets_to_rebuild') }}

),

stg_cx__ticket_events as (

    select * from {{ ref('stg_cx__ticket_events') }}
    {{- cx_rebuild_filter('ticket_id', 'int_tickets_to_rebuild') }}

),

status_events as (

    select
        ticket_id,
        event_id,
        event_at,
        status,
        1 as source_order,
        _loaded_at

    from stg_cx__ticket_events
    where
        event_type = 'status_change'
        and status is not null

),

creation_events as (

    select
        ticket_id,
        cast(null as {{ dbt.type_string() }}) as event_id,
        created_at as event_at,
        'new' as status,
        0 as source_order,
        cast(null as {{ dbt.type_timestamp() }}) as _loaded_at

    from stg_cx__tickets

),

status_events_ordered as (

    select
        ticket_id,
        event_id,
        event_at,
        status,
        lag(status) over (
            partition by ticket_id
            order by event_at, source_order, _loaded_at, event_id
        ) as previous_status,
        row_number() over (
            partition by ticket_id
            order by event_at, source_order, _loaded_at, event_id
        ) as status_event_number

    from (
        select * from creation_events
        union all
        select * from status_events
    ) as all_status_events

),

status_events_numbered_by_spell as (

    select
        ticket_id,
        event_id,
        event_at,
        status,
        previous_status,
        status_event_number,
        sum(case when previous_status is null or previous_status <> status then 1 else 0 end) over (
            partition by ticket_id
            order by status_event_number
            rows between unbounded preceding and current row
        ) as spell_number

    from status_events_ordered

),

spells as (

    select
        ticket_id,
        spell_number,
        min(status) as status,
        min(case when previous_status is null or previous_status <> status then previous_status end)
            as previous_status,
        min(case when previous_status is null or previous_status <> status then event_id end)
            as started_by_event_id,
        min(event_at) as started_at,
        max(event_at) as last_recorded_at,
        count(*) as status_event_count

    from status_events_numbered_by_spell
    group by ticket_id, spell_number

),

final as (

    select
        {{ dbt.concat(['ticket_id', "'-'", 'cast(spell_number as ' ~ dbt.type_string() ~ ')']) }} as status_spell_id,
        ticket_id,
        cast(spell_number as {{ dbt.type_int() }}) as spell_number,
        status,
        previous_status,
        started_by_event_id,
        started_at,
        last_recorded_at,
        lead(started_at) over (partition by ticket_id order by spell_number) as ended_at,
        spell_number = max(spell_number) over (partition by ticket_id) as is_current,
        coalesce(previous_status in ('solved', 'closed') and status in ('open', 'pending', 'hold'), false) as is_reopen,
        (
            status = 'solved'
            or (status = 'closed' and coalesce(previous_status, 'new') <> 'solved')
        ) as is_solve,
        cast(status_event_count as {{ dbt.type_int() }}) as status_event_count

    from spells

)

select * from final
