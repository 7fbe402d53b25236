{#-
    Every instant a ticket's service metrics measure from or to (its creation, its status
    changes and public customer and agent comments, and the build's "now"), read on the ticket's
    business clock (docs/metrics.md "Business clock"):
    business_clock_seconds = business seconds the ticket's schedules have counted up to that
    instant. Business time of a ticket between two of its instants is the difference of their
    readings. Consumers join on (ticket_id, clocked_at).

    The ticket's clock follows its schedule spells (int_ticket_schedule_spells): inside spell k
    on schedule s it reads
        clock_at_spell_start(k) + clock_s(t) - clock_s(spell start)
    where clock_s is the schedule's running total (int_business_intervals_accumulated) and
    clock_at_spell_start(k) adds up what the earlier spells counted, each on its own schedule.
    So when the schedule changes at c, minutes before c count under the old schedule and after c
    under the new, and the clock never jumps. A ticket on one schedule reads that schedule's
    clock (its single spell starts with no bound, which reads 0).

    Schedule clocks are read without a range join: each reading needed (an instant of the
    ticket, or a bound of one of its spells) is sorted with the schedule's intervals by time,
    and the count of interval starts (covers_from_at) up to it numbers the interval that covers
    it. Each reading keeps its ticket through the sort, so nothing is joined back by instant.
    Cost is a sort of the readings and intervals and equality joins: linear in timestamps.
    Null when the schedule has no intervals (no business_hours for it).
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

int_as_of as (

    select * from {{ ref('int_as_of') }}

),

int_ticket_schedule_spells as (

    select * from {{ ref('int_ticket_schedule_spells') }}
    {{- cx_rebuild_filter('ticket_id', 'int_tickets_to_rebuild') }}

),

int_business_intervals_accumulated as (

    select * from {{ ref('int_business_intervals_accumulated') }}

),

ticket_instants as (

    select
        ticket_id,
        created_at as clocked_at

    from stg_cx__tickets

    union

    -- Only the events its readers read the clock at: status changes (spells, solves:
    -- int_tickets_status_summarized, int_tickets_durations_clocked) and the comments of reply
    -- pairing (cx_is_reply_comment: int_ticket_replies_paired, int_tickets_durations_clocked).
    -- Assignments and internal notes would add a sixth of the readings for nobody; a model that
    -- reads the clock at another event adds it here.
    select
        ticket_id,
        event_at as clocked_at

    from stg_cx__ticket_events
    where
        event_type = 'status_change'
        or {{ cx_is_reply_comment() }}

    union

    select
        stg_cx__tickets.ticket_id,
        int_as_of.as_of_at as clocked_at

    from stg_cx__tickets
    cross join int_as_of

),

spells_numbered as (

    select
        ticket_id,
        schedule_id,
        spell_start_at,
        spell_end_at,
        row_number() over (partition by ticket_id order by spell_start_at nulls first) as spell_number

    from int_ticket_schedule_spells

),

instants_in_spells as (

    select
        ticket_instants.ticket_id,
        ticket_instants.clocked_at,
        spells_numbered.schedule_id,
        spells_numbered.spell_number

    from ticket_instants
    inner join spells_numbered
        on
            ticket_instants.ticket_id = spells_numbered.ticket_id
            and (spells_numbered.spell_start_at is null or ticket_instants.clocked_at >= spells_numbered.spell_start_at)
            and (spells_numbered.spell_end_at is null or ticket_instants.clocked_at < spells_numbered.spell_end_at)
    where ticket_instants.clocked_at is not null

),

-- Every reading of a schedule clock the ticket needs: its instants, and the bounds of its spells
-- (reading: instant, spell_start, spell_end).
readings_to_take as (

    select
        ticket_id,
        spell_number,
        schedule_id,
        'instant' as reading,
        clocked_at as read_at

    from instants_in_spells

    union all

    select
        ticket_id,
        spell_number,
        schedule_id,
        'spell_start' as reading,
        spell_start_at as read_at

    from spells_numbered
    where spell_start_at is not null

    union all

    select
        ticket_id,
        spell_number,
        schedule_id,
        'spell_end' as reading,
        spell_end_at as read_at

    from spells_numbered
    where spell_end_at is not null

),

-- Intervals and readings in time order per schedule (sort_at: the reading's instant, or the start
-- of the interval's coverage); an interval whose coverage starts at the instant itself comes
-- first (coverage is [covers_from_at, covers_to_at)).
readings_and_interval_starts as (

    select
        schedule_id,
        read_at as sort_at,
        0 as is_interval_start,
        ticket_id,
        spell_number,
        reading

    from readings_to_take

    union all

    select
        schedule_id,
        covers_from_at as sort_at,
        1 as is_interval_start,
        cast(null as {{ dbt.type_string() }}) as ticket_id,
        cast(null as {{ dbt.type_bigint() }}) as spell_number,
        cast(null as {{ dbt.type_string() }}) as reading

    from int_business_intervals_accumulated

),

-- A count, not a sum of is_interval_start: DuckDB sums integers into a 128-bit integer, and the
-- join below on interval_number then converted the intervals' numbers to it for 7.4M readings
-- at 1M tickets (1.2-1.6 s of CPU more alone, the same rows).
readings_numbered_by_interval as (

    select
        schedule_id,
        ticket_id,
        spell_number,
        reading,
        sort_at as read_at,
        is_interval_start,
        count(case when is_interval_start = 1 then 1 end) over (
            partition by schedule_id
            order by sort_at asc, is_interval_start desc
            rows between unbounded preceding and current row
        ) as interval_number

    from readings_and_interval_starts

),

schedule_clock_readings as (

    select
        readings.ticket_id,
        readings.spell_number,
        readings.reading,
        readings.read_at,
        intervals.clock_seconds_at_start
        + greatest(0, {{ cx_seconds_between(
            'intervals.interval_start_at',
            'least(readings.read_at, intervals.interval_end_at)') }})
            as schedule_clock_seconds

    from readings_numbered_by_interval as readings
    left join int_business_intervals_accumulated as intervals
        on
            readings.schedule_id = intervals.schedule_id
            and readings.interval_number = intervals.interval_number
    where readings.is_interval_start = 0

),

spell_bounds_read as (

    select
        ticket_id,
        spell_number,
        max(case when reading = 'spell_start' then schedule_clock_seconds end) as start_clock_seconds,
        max(case when reading = 'spell_end' then schedule_clock_seconds end) as end_clock_seconds

    from schedule_clock_readings
    where reading <> 'instant'
    group by ticket_id, spell_number

),

spells_read as (

    select
        spells_numbered.ticket_id,
        spells_numbered.spell_number,
        -- A spell with no start runs from the start of the clock, which reads 0.
        case
            when spells_numbered.spell_start_at is null then 0
            else spell_bounds_read.start_clock_seconds
        end as clock_seconds_at_spell_start,
        spell_bounds_read.end_clock_seconds - case
            when spells_numbered.spell_start_at is null then 0
            else spell_bounds_read.start_clock_seconds
        end as spell_business_seconds

    from spells_numbered
    left join spell_bounds_read
        on
            spells_numbered.ticket_id = spell_bounds_read.ticket_id
            and spells_numbered.spell_number = spell_bounds_read.spell_number

),

-- What the earlier spells of the ticket counted, and how many of them could not be read (a
-- schedule without intervals).
spells_with_earlier_spells as (

    select
        ticket_id,
        spell_number,
        clock_seconds_at_spell_start,
        sum(spell_business_seconds) over (
            partition by ticket_id
            order by spell_number
            rows between unbounded preceding and 1 preceding
        ) as earlier_spells_business_seconds,
        sum(case when spell_business_seconds is null then 1 else 0 end) over (
            partition by ticket_id
            order by spell_number
            rows between unbounded preceding and 1 preceding
        ) as earlier_spells_unread

    from spells_read

),

-- The ticket's clock when each spell starts: what the earlier spells counted. Null when one of
-- them could not be read, so no business time is made up.
spells_accumulated as (

    select
        ticket_id,
        spell_number,
        clock_seconds_at_spell_start,
        case
            when spell_number = 1 then 0
            when earlier_spells_unread = 0 then earlier_spells_business_seconds
        end as ticket_clock_seconds_at_spell_start

    from spells_with_earlier_spells

),

final as (

    select
        readings.ticket_id,
        readings.read_at as clocked_at,
        -- a 64-bit integer, not the 128-bit one of DuckDB's sums above: its three readers join
        -- and subtract six million of them at a million tickets (a second of CPU less each)
        cast(
            spells_accumulated.ticket_clock_seconds_at_spell_start
            + readings.schedule_clock_seconds
            - spells_accumulated.clock_seconds_at_spell_start
            as {{ dbt.type_bigint() }}
        ) as business_clock_seconds

    from schedule_clock_readings as readings
    inner join spells_accumulated
        on
            readings.ticket_id = spells_accumulated.ticket_id
            and readings.spell_number = spells_accumulated.spell_number
    where readings.reading = 'instant'

)

select * from final
