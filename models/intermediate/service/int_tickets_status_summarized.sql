{#-
    One row per ticket: its solves, reopens, current status and wait times, from the status
    spells. A solve is entering 'solved' (or 'closed' straight from an unsolved status);
    last_solved_at is the last event that recorded the ticket as solved (DECISIONLOG.md);
    a reopen is leaving 'solved' for open, pending or hold. Wait times run to the next status
    change, or to the build's "now" (int_as_of) for the current spell.
    A table: int_tickets_durations_clocked, int_tickets_sla_measured and fct_tickets all read
    it, and a view would be computed again for each of them.
-#}
{{ config(
    materialized=cx_incremental_materialized(),
    incremental_strategy='delete+insert',
    on_schema_change='append_new_columns',
    unique_key='ticket_id',
) }}

with

int_ticket_status_spells_sequenced as (

    select * from {{ ref('int_ticket_status_spells_sequenced') }}
    {{- cx_rebuild_filter('ticket_id', 'int_tickets_to_rebuild') }}

),

int_ticket_timestamps_clocked as (

    select * from {{ ref('int_ticket_timestamps_clocked') }}
    {{- cx_rebuild_filter('ticket_id', 'int_tickets_to_rebuild') }}

),

int_as_of as (

    select * from {{ ref('int_as_of') }}

),

spells_with_end as (

    select
        spells.ticket_id,
        spells.spell_number,
        spells.status,
        spells.is_current,
        spells.is_solve,
        spells.is_reopen,
        spells.started_at,
        spells.last_recorded_at,
        case
            when spells.status in ('new', 'open', 'hold') then 'requester' when spells.status = 'pending' then 'agent'
        end
            as waiting_party,
        {{ cx_seconds_between('spells.started_at', 'coalesce(spells.ended_at, int_as_of.as_of_at)') }}
            as spell_seconds,
        ended_clock.business_clock_seconds - started_clock.business_clock_seconds as spell_business_seconds

    from int_ticket_status_spells_sequenced as spells
    cross join int_as_of
    left join int_ticket_timestamps_clocked as started_clock
        on
            spells.ticket_id = started_clock.ticket_id
            and spells.started_at = started_clock.clocked_at
    left join int_ticket_timestamps_clocked as ended_clock
        on
            spells.ticket_id = ended_clock.ticket_id
            and coalesce(spells.ended_at, int_as_of.as_of_at) = ended_clock.clocked_at

),

solves_ranked as (

    select
        ticket_id,
        case when status = 'solved' then last_recorded_at else started_at end as solve_last_recorded_at,
        row_number() over (partition by ticket_id order by spell_number desc) as solve_number_from_last

    from spells_with_end
    where is_solve

),

last_solves as (

    select
        ticket_id,
        solve_last_recorded_at as last_solved_at

    from solves_ranked
    where solve_number_from_last = 1

),

spells_summarized as (

    select
        ticket_id,
        max(case when is_current then status end) as current_status,
        min(case when is_solve then started_at end) as first_solved_at,
        sum(case when is_solve then 1 else 0 end) as solve_count,
        sum(case when is_reopen then 1 else 0 end) as reopen_count,
        sum(case when waiting_party = 'requester' then greatest(spell_seconds, 0) else 0 end)
            as requester_wait_seconds,
        sum(case when waiting_party = 'agent' then greatest(spell_seconds, 0) else 0 end) as agent_wait_seconds,
        sum(case when waiting_party = 'requester' then greatest(spell_business_seconds, 0) else 0 end)
            as requester_wait_business_seconds,
        sum(case when waiting_party = 'agent' then greatest(spell_business_seconds, 0) else 0 end)
            as agent_wait_business_seconds,
        max(case when spell_business_seconds is null then 1 else 0 end) as has_unclocked_spell

    from spells_with_end
    group by ticket_id

),

final as (

    select
        spells_summarized.ticket_id,
        spells_summarized.current_status,
        spells_summarized.current_status in ('solved', 'closed') as is_solved,
        spells_summarized.first_solved_at,
        last_solves.last_solved_at,
        cast(spells_summarized.solve_count as {{ dbt.type_int() }}) as solve_count,
        cast(spells_summarized.reopen_count as {{ dbt.type_int() }}) as reopen_count,
        {{ cx_seconds_to_minutes('spells_summarized.requester_wait_seconds') }} as requester_wait_minutes,
        {{ cx_seconds_to_minutes('spells_summarized.agent_wait_seconds') }} as agent_wait_minutes,
        case
            when spells_summarized.has_unclocked_spell = 0
                then {{ cx_seconds_to_minutes('spells_summarized.requester_wait_business_seconds') }}
        end as requester_wait_business_minutes,
        case
            when spells_summarized.has_unclocked_spell = 0
                then {{ cx_seconds_to_minutes('spells_summarized.agent_wait_business_seconds') }}
        end as agent_wait_business_minutes

    from spells_summarized
    left join last_solves
        on spells_summarized.ticket_id = last_solves.ticket_id

)

select * from final
