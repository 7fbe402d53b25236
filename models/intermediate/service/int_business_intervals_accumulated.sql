{#-
    The business clock of each schedule (docs/metrics.md "Business clock"): one row per working
    interval of a business_hours schedule, in UTC, with the business seconds the schedule has
    counted before it (a running total per schedule from the start of the data's date range).
    Business time of schedule s between two instants is clock_s(t2) - clock_s(t1), where
    clock_s(t) = clock_seconds_at_start + seconds from interval_start_at to least(t, interval_end_at)
    of the one interval of s whose [covers_from_at, covers_to_at) holds t (see
    int_ticket_timestamps_clocked, which turns these into one clock per ticket).

    Built per local date of a day spine covering the data (+ margin) and per schedule: each
    date's opening hours (local wall clock in the schedule's IANA zone) are converted to UTC by
    cx_local_to_utc, so DST is exact (a repeated local time is its first occurrence, a skipped
    one moves forward by the gap); dates inside a holiday range of the schedule (or of every
    schedule: schedule_id null) have no hours; overlapping or touching intervals of a schedule
    are merged (a 24/7 schedule becomes one interval, so business time = calendar time). No
    business_hours rows = no intervals = business minutes are null downstream (DECISIONLOG.md).
-#}

{%- set margin_days = var('cx_business_clock_margin_days') %}

with

stg_cx__business_hours as (

    select * from {{ ref('stg_cx__business_hours') }}

),

stg_cx__holidays as (

    select * from {{ ref('stg_cx__holidays') }}

),

stg_cx__tickets as (

    select * from {{ ref('stg_cx__tickets') }}

),

stg_cx__ticket_events as (

    select * from {{ ref('stg_cx__ticket_events') }}

),

int_as_of as (

    select * from {{ ref('int_as_of') }}

),

data_timestamps as (

    select created_at as data_at from stg_cx__tickets
    union all
    select event_at as data_at from stg_cx__ticket_events
    union all
    select as_of_at as data_at from int_as_of

),

date_range as (

    select
        cast({{ dbt.dateadd('day', -margin_days, 'min(data_at)') }} as date) as first_date,
        cast({{ dbt.dateadd('day', margin_days, 'max(data_at)') }} as date) as last_date

    from data_timestamps

),

day_numbers as (

    {{ dbt.generate_series(var('cx_business_clock_max_days')) }}

),

local_dates as (

    select
        cast({{ dbt.dateadd('day', 'cast(day_numbers.generated_number as ' ~ dbt.type_int() ~ ') - 1',
            'date_range.first_date') }} as date) as local_date,
        date_range.last_date

    from date_range
    cross join day_numbers

),

dates_in_range as (

    select
        local_date,
        {{ cx_iso_day_of_week('local_date') }} as day_of_week

    from local_dates
    where local_date <= last_date

),

opening_hours_by_date as (

    select
        stg_cx__business_hours.schedule_id,
        dates_in_range.local_date,
        stg_cx__business_hours.start_minute,
        stg_cx__business_hours.end_minute,
        stg_cx__business_hours.timezone

    from dates_in_range
    inner join stg_cx__business_hours
        on dates_in_range.day_of_week = stg_cx__business_hours.day_of_week

),

-- A holiday range closes its schedule (or every schedule: schedule_id null) on each of its
-- local dates, first and last included.
opening_hours_on_holidays as (

    select distinct
        opening_hours_by_date.schedule_id,
        opening_hours_by_date.local_date

    from opening_hours_by_date
    inner join stg_cx__holidays
        on
            (stg_cx__holidays.schedule_id is null or opening_hours_by_date.schedule_id = stg_cx__holidays.schedule_id)
            and opening_hours_by_date.local_date >= stg_cx__holidays.holiday_start_date
            and opening_hours_by_date.local_date <= stg_cx__holidays.holiday_end_date

),

opening_hours_on_working_dates as (

    select opening_hours_by_date.*

    from opening_hours_by_date
    left join opening_hours_on_holidays
        on
            opening_hours_by_date.schedule_id = opening_hours_on_holidays.schedule_id
            and opening_hours_by_date.local_date = opening_hours_on_holidays.local_date
    where opening_hours_on_holidays.local_date is null

),

opening_hours_in_utc as (

    select
        schedule_id,
        {{ cx_local_to_utc(
            dbt.dateadd('minute', 'start_minute', 'cast(local_date as ' ~ dbt.type_timestamp() ~ ')'),
            'timezone') }} as interval_start_at,
        {{ cx_local_to_utc(
            dbt.dateadd('minute', 'end_minute', 'cast(local_date as ' ~ dbt.type_timestamp() ~ ')'),
            'timezone') }} as interval_end_at

    from opening_hours_on_working_dates

),

opening_hours_flagged_as_new_islands as (

    select
        schedule_id,
        interval_start_at,
        interval_end_at,
        case
            when interval_start_at <= max(interval_end_at) over (
                partition by schedule_id
                order by interval_start_at, interval_end_at
                rows between unbounded preceding and 1 preceding
            ) then 0
            else 1
        end as is_new_island

    from opening_hours_in_utc
    where interval_end_at > interval_start_at

),

opening_hours_numbered_by_island as (

    select
        schedule_id,
        interval_start_at,
        interval_end_at,
        sum(is_new_island) over (
            partition by schedule_id
            order by interval_start_at, interval_end_at
            rows between unbounded preceding and current row
        ) as island_number

    from opening_hours_flagged_as_new_islands

),

working_intervals as (

    select
        schedule_id,
        min(interval_start_at) as interval_start_at,
        max(interval_end_at) as interval_end_at

    from opening_hours_numbered_by_island
    group by schedule_id, island_number

),

working_intervals_measured as (

    select
        schedule_id,
        interval_start_at,
        interval_end_at,
        {{ cx_seconds_between('interval_start_at', 'interval_end_at') }} as business_seconds

    from working_intervals

),

working_intervals_accumulated as (

    select
        schedule_id,
        row_number() over (partition by schedule_id order by interval_start_at) as interval_number,
        interval_start_at,
        interval_end_at,
        business_seconds,
        lag(interval_end_at) over (partition by schedule_id order by interval_start_at) as previous_interval_end_at,
        lead(interval_start_at) over (partition by schedule_id order by interval_start_at) as next_interval_start_at,
        -- cast back to a 64-bit integer: DuckDB sums integers into a 128-bit one, which every
        -- reading of the ticket clock would otherwise carry (int_ticket_timestamps_clocked)
        cast(coalesce(sum(business_seconds) over (
            partition by schedule_id
            order by interval_start_at
            rows between unbounded preceding and 1 preceding
        ), 0) as {{ dbt.type_bigint() }}) as clock_seconds_at_start

    from working_intervals_measured

),

final as (

    select
        schedule_id,
        cast(interval_number as {{ dbt.type_int() }}) as interval_number,
        interval_start_at,
        interval_end_at,
        business_seconds,
        clock_seconds_at_start,
        coalesce(previous_interval_end_at, cast('1900-01-01' as {{ dbt.type_timestamp() }})) as covers_from_at,
        case
            when next_interval_start_at is null then cast('9999-12-31' as {{ dbt.type_timestamp() }})
            else interval_end_at
        end as covers_to_at

    from working_intervals_accumulated

)

select * from final
