{#-
    Assignment spells: one row per stretch of time a ticket had one assignee and one group
    (docs/metrics.md "Agents and groups"). From the assignment events in ticket order (event_at,
    then load order, then event_id): from each one on, the ticket's assignee is its assignee_id
    (null = unassigned) and its group its group_name. Before a ticket's first assignment event
    it is unassigned, with no group. A ticket without assignment events (data in the v1 shape)
    has one spell from created_at on with the ticket's current assignee_id and group_name.
    Events repeating the current assignee and group continue the spell. The current spell has
    ended_at null.

    Counted agents: with rows in agents, an assignee known there with a role other than bot or
    system; without agents, any assignee. A handoff is a spell starting with a counted assignee
    other than the ticket's previous counted assignee (the first assignment is no handoff;
    A -> unassigned -> A is none either).
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

stg_cx__agents as (

    select * from {{ ref('stg_cx__agents') }}

),

agents_loaded as (

    select count(*) as agent_count
    from stg_cx__agents

),

assignment_events as (

    select
        ticket_id,
        event_id,
        event_at,
        assignee_id,
        group_name,
        1 as source_order,
        _loaded_at

    from stg_cx__ticket_events
    where event_type = 'assignment'

),

tickets_first_assigned as (

    select
        ticket_id,
        min(event_at) as first_assignment_event_at

    from assignment_events
    group by ticket_id

),

-- The state at creation: the ticket's current values when it has no assignment event, else
-- unassigned until its first assignment event (none when that event is at created_at).
creation_states as (

    select
        stg_cx__tickets.ticket_id,
        cast(null as {{ dbt.type_string() }}) as event_id,
        stg_cx__tickets.created_at as event_at,
        case
            when tickets_first_assigned.ticket_id is null then stg_cx__tickets.assignee_id
        end as assignee_id,
        case
            when tickets_first_assigned.ticket_id is null then stg_cx__tickets.group_name
        end as group_name,
        0 as source_order,
        cast(null as {{ dbt.type_timestamp() }}) as _loaded_at

    from stg_cx__tickets
    left join tickets_first_assigned
        on stg_cx__tickets.ticket_id = tickets_first_assigned.ticket_id
    where
        tickets_first_assigned.ticket_id is null
        or tickets_first_assigned.first_assignment_event_at > stg_cx__tickets.created_at

),

assignment_states_ordered as (

    select
        ticket_id,
        event_id,
        event_at,
        assignee_id,
        group_name,
        lag(assignee_id) over (
            partition by ticket_id
            order by event_at, source_order, _loaded_at, event_id
        ) as previous_assignee_id,
        lag(group_name) over (
            partition by ticket_id
            order by event_at, source_order, _loaded_at, event_id
        ) as previous_group_name,
        row_number() over (
            partition by ticket_id
            order by event_at, source_order, _loaded_at, event_id
        ) as state_number

    from (
        select * from creation_states
        union all
        select * from assignment_events
    ) as all_assignment_states

),

assignment_states_flagged as (

    select
        *,
        case
            when state_number = 1 then 1
            when
                (assignee_id = previous_assignee_id or (assignee_id is null and previous_assignee_id is null))
                and (group_name = previous_group_name or (group_name is null and previous_group_name is null))
                then 0
            else 1
        end as is_new_spell

    from assignment_states_ordered

),

assignment_states_numbered_by_spell as (

    select
        *,
        sum(is_new_spell) over (
            partition by ticket_id
            order by state_number
            rows between unbounded preceding and current row
        ) as spell_number

    from assignment_states_flagged

),

spells as (

    select
        ticket_id,
        spell_number,
        min(assignee_id) as assignee_id,
        min(group_name) as group_name,
        min(case when is_new_spell = 1 then event_id end) as started_by_event_id,
        min(event_at) as started_at,
        count(*) as assignment_state_count

    from assignment_states_numbered_by_spell
    group by ticket_id, spell_number

),

spells_counted as (

    select
        spells.*,
        spells.assignee_id is not null
        and (agents_loaded.agent_count = 0 or coalesce(stg_cx__agents.role not in ('bot', 'system'), false))
            as is_assignee_counted,
        lag(spells.assignee_id) over (partition by spells.ticket_id order by spells.spell_number)
            as previous_assignee_id,
        lag(spells.group_name) over (partition by spells.ticket_id order by spells.spell_number)
            as previous_group_name,
        lead(spells.started_at) over (partition by spells.ticket_id order by spells.spell_number) as ended_at

    from spells
    cross join agents_loaded
    left join stg_cx__agents
        on spells.assignee_id = stg_cx__agents.agent_id

),

spells_with_previous_counted as (

    select
        *,
        max(case when is_assignee_counted then spell_number end) over (
            partition by ticket_id
            order by spell_number
            rows between unbounded preceding and 1 preceding
        ) as previous_counted_spell_number

    from spells_counted

),

final as (

    select
        {{ dbt.concat(['spells.ticket_id', "'-'", 'cast(spells.spell_number as ' ~ dbt.type_string() ~ ')']) }}
            as assignment_spell_id,
        spells.ticket_id,
        cast(spells.spell_number as {{ dbt.type_int() }}) as spell_number,
        spells.assignee_id,
        spells.group_name,
        spells.is_assignee_counted,
        spells.started_by_event_id,
        spells.started_at,
        spells.ended_at,
        spells.ended_at is null as is_current,
        -- a new assignee (not the previous spell's one); A -> unassigned -> A assigns A again
        (
            spells.assignee_id is not null
            and (spells.previous_assignee_id is null or spells.assignee_id <> spells.previous_assignee_id)
        ) as is_agent_assignment,
        -- the ticket enters this group (a null group included): the first spell, or a group change
        (
            spells.spell_number = 1
            or not (
                coalesce(spells.group_name = spells.previous_group_name, false)
                or (spells.group_name is null and spells.previous_group_name is null)
            )
        ) as is_group_assignment,
        coalesce(
            spells.is_assignee_counted
            and previous_counted.assignee_id is not null
            and spells.assignee_id <> previous_counted.assignee_id,
            false
        ) as is_handoff,
        case
            when
                spells.is_assignee_counted
                and spells.assignee_id <> previous_counted.assignee_id
                then previous_counted.assignee_id
        end as handed_off_by_agent_id,
        spells.previous_group_name,
        cast(spells.assignment_state_count as {{ dbt.type_int() }}) as assignment_state_count

    from spells_with_previous_counted as spells
    left join spells_counted as previous_counted
        on
            spells.ticket_id = previous_counted.ticket_id
            and spells.previous_counted_spell_number = previous_counted.spell_number

)

select * from final
