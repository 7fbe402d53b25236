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
    incremental_strategy='append',
    on_schema_change='append_new_columns',
    pre_hook="{{ cx_delete_rows_to_rebuild('ticket_id', 'int_tickets_to_rebuild') }}",
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
        lead(status) over (
            partition by ticket_id
            order by event_at, source_order, _loaded_at, event_id
        ) as next_status,
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

status_events_flagged as (

    select
        ticket_id,
        event_id,
        event_at,
        status,
        previous_status,
        status_event_number,
        previous_status is null or previous_status <> status as is_spell_start,
        next_status is null or next_status <> status as is_spell_end

    from status_events_ordered

),

-- Only the events that start or end a spell (most do both); the events inside a spell are not
-- needed. In bound order, a spell's start is followed by its own end (when another event ends
-- it) and then by the next spell's start.
spell_bounds_numbered as (

    select
        *,
        sum(case when is_spell_start then 1 else 0 end) over (
            partition by ticket_id
            order by status_event_number
            rows between unbounded preceding and current row
        ) as spell_number,
        lead(event_at, 1) over (partition by ticket_id order by status_event_number) as next_bound_at,
        lead(event_at, 2) over (partition by ticket_id order by status_event_number) as second_next_bound_at,
        lead(status_event_number, 1) over (partition by ticket_id order by status_event_number)
            as next_bound_number

    from status_events_flagged
    where is_spell_start or is_spell_end

),

spells as (

    select
        ticket_id,
        spell_number,
        status,
        previous_status,
        event_id as started_by_event_id,
        event_at as started_at,
        case when is_spell_end then event_at else next_bound_at end as last_recorded_at,
        case when is_spell_end then next_bound_at else second_next_bound_at end as ended_at,
        case when is_spell_end then 1 else next_bound_number - status_event_number + 1 end
            as status_event_count

    from spell_bounds_numbered
    where is_spell_start

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
        ended_at,
        ended_at is null as is_current,
        coalesce(previous_status in ('solved', 'closed') and status in ('open', 'pending', 'hold'), false) as is_reopen,
        (
            status = 'solved'
            or (status = 'closed' and coalesce(previous_status, 'new') <> 'solved')
        ) as is_solve,
        cast(status_event_count as {{ dbt.type_int() }}) as status_event_count

    from spells

)

select * from final
