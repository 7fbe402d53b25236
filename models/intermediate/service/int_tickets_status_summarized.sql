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
    incremental_strategy='append',
    on_schema_change='append_new_columns',
    pre_hook="{{ cx_delete_rows_to_rebuild('ticket_id', 'int_tickets_to_rebuild') }}",
) }}

{#- The current spell's business seconds from its start to now (business_waits). -#}
{%- set current_spell_business_seconds -%}
    greatest(as_of_clocks.business_clock_seconds - spells_summarized.current_started_clock_seconds, 0)
{%- endset %}
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

-- The ticket's clock at the build's "now": one row per ticket.
as_of_clocks as (

    select
        int_ticket_timestamps_clocked.ticket_id,
        int_ticket_timestamps_clocked.business_clock_seconds

    from int_ticket_timestamps_clocked
    inner join int_as_of
        on int_ticket_timestamps_clocked.clocked_at = int_as_of.as_of_at

),

-- Each spell with the party it waits on and the one the spell before it waited on
-- (previous_status), and the ticket's business clock when it started. A spell ends where the
-- next one starts, so the clock is read once per spell: spells_summarized adds up the business
-- seconds of the spells that ended from these start readings, and business_waits the current
-- spell's from its start to now.
spells_with_start_clock as (

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
            when spells.status in ('new', 'open', 'hold') then 'requester'
            when spells.status = 'pending' then 'agent'
        end as waiting_party,
        case
            when spells.previous_status in ('new', 'open', 'hold') then 'requester'
            when spells.previous_status = 'pending' then 'agent'
        end as previous_waiting_party,
        {{ cx_seconds_between('spells.started_at', 'coalesce(spells.ended_at, int_as_of.as_of_at)') }}
            as spell_seconds,
        started_clock.business_clock_seconds as started_clock_seconds

    from int_ticket_status_spells_sequenced as spells
    cross join int_as_of
    left join int_ticket_timestamps_clocked as started_clock
        on
            spells.ticket_id = started_clock.ticket_id
            and spells.started_at = started_clock.clocked_at

),

solves_ranked as (

    select
        ticket_id,
        case when status = 'solved' then last_recorded_at else started_at end as solve_last_recorded_at,
        row_number() over (partition by ticket_id order by spell_number desc) as solve_number_from_last

    from spells_with_start_clock
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
        -- The spells that ended, each from its start reading to the next spell's: the start
        -- readings of the spells that follow one waiting on the party, less those of its own.
        (
            sum(case when previous_waiting_party = 'requester' then started_clock_seconds else 0 end)
            - sum(case when waiting_party = 'requester' and not is_current then started_clock_seconds else 0 end)
        ) as requester_ended_business_seconds,
        (
            sum(case when previous_waiting_party = 'agent' then started_clock_seconds else 0 end)
            - sum(case when waiting_party = 'agent' and not is_current then started_clock_seconds else 0 end)
        ) as agent_ended_business_seconds,
        max(case when is_current then waiting_party end) as current_waiting_party,
        max(case when is_current then started_clock_seconds end) as current_started_clock_seconds,
        max(case when started_clock_seconds is null then 1 else 0 end) as has_unclocked_start

    from spells_with_start_clock
    group by ticket_id

),

-- What the current spell adds to its party's business wait: from its start to now, never
-- negative (var cx_as_of may set now before it). is_clocked: every spell could be read on the
-- business clock (false with a schedule without hours: the business waits are then null).
business_waits as (

    select
        spells_summarized.ticket_id,
        spells_summarized.has_unclocked_start = 0 and as_of_clocks.business_clock_seconds is not null as is_clocked,
        case
            when spells_summarized.current_waiting_party = 'requester' then {{ current_spell_business_seconds }}
            else 0
        end as requester_current_business_seconds,
        case
            when spells_summarized.current_waiting_party = 'agent' then {{ current_spell_business_seconds }}
            else 0
        end as agent_current_business_seconds

    from spells_summarized
    left join as_of_clocks
        on spells_summarized.ticket_id = as_of_clocks.ticket_id

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
        -- typed outside the case, which would drop decimal(28,6) to a bare numeric on PostgreSQL
        {{ cx_seconds_to_minutes(
            'case when business_waits.is_clocked then spells_summarized.requester_ended_business_seconds'
            ~ ' + business_waits.requester_current_business_seconds end'
        ) }} as requester_wait_business_minutes,
        {{ cx_seconds_to_minutes(
            'case when business_waits.is_clocked then spells_summarized.agent_ended_business_seconds'
            ~ ' + business_waits.agent_current_business_seconds end'
        ) }} as agent_wait_business_minutes

    from spells_summarized
    inner join business_waits
        on spells_summarized.ticket_id = business_waits.ticket_id
    left join last_solves
        on spells_summarized.ticket_id = last_solves.ticket_id

)

select * from final
