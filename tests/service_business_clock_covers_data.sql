{#-
    The business clock must cover every instant it reads: fails when the data's date range
    (plus margins) is longer than var cx_business_clock_max_days (the clock would stop early), or
    when an instant got no reading although every schedule its ticket is on has working
    intervals (a ticket on a schedule without business_hours rightly reads null).
-#}
with

int_ticket_timestamps_clocked as (

    select * from {{ ref('int_ticket_timestamps_clocked') }}

),

int_ticket_schedule_spells as (

    select * from {{ ref('int_ticket_schedule_spells') }}

),

int_business_intervals_accumulated as (

    select * from {{ ref('int_business_intervals_accumulated') }}

),

schedules_with_intervals as (

    select distinct schedule_id from int_business_intervals_accumulated

),

tickets_on_a_schedule_without_intervals as (

    select distinct int_ticket_schedule_spells.ticket_id

    from int_ticket_schedule_spells
    left join schedules_with_intervals
        on int_ticket_schedule_spells.schedule_id = schedules_with_intervals.schedule_id
    where schedules_with_intervals.schedule_id is null

),

range_too_long as (

    select
        'date range longer than cx_business_clock_max_days' as failure,
        max(clocked_at) as clocked_at

    from int_ticket_timestamps_clocked
    having
        {{ dbt.datediff('min(clocked_at)', 'max(clocked_at)', 'day') }}
        + 2 * {{ var('cx_business_clock_margin_days') }} + 2 > {{ var('cx_business_clock_max_days') }}

),

unclocked as (

    select
        'instant without a clock reading' as failure,
        int_ticket_timestamps_clocked.clocked_at

    from int_ticket_timestamps_clocked
    left join tickets_on_a_schedule_without_intervals
        on int_ticket_timestamps_clocked.ticket_id = tickets_on_a_schedule_without_intervals.ticket_id
    where
        int_ticket_timestamps_clocked.business_clock_seconds is null
        and tickets_on_a_schedule_without_intervals.ticket_id is null

),

final as (

    select * from range_too_long
    union all
    select * from unclocked

)

select * from final
