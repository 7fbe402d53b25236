{#-
    The business clock (docs/metrics.md "Business clock"): one row per working interval of the business_hours schedule,
    in UTC, with the business seconds elapsed before it (a running total from the start of the
    data's date range). Business time between two instants is clock(t2) - clock(t1), where
    clock(t) = clock_seconds_at_start + seconds from interval_start_at to least(t, interval_end_at)
    of the one interval whose [covers_from_at, covers_to_at) holds t (see int_ticket_timestamps_clocked).

    Built per local date of a day spine covering the data (+ margin): each date's opening hours
    (local wall clock in the schedule's IANA zone) are converted to UTC, so DST is exact; holiday
    dates have no hours; overlapping or touching intervals are merged (a 24/7 schedule becomes
    one interval, so business time = calendar time). No business_hours rows = no intervals =
    business minutes are null downstream (DECISIONLOG.md).
-#}
{{ config(materialized='table') }}

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

working_dates as (

    select
        local_dates.local_date,
        {{ cx_iso_day_of_week('local_dates.local_date') }} as day_of_week

    from local_dates
    left join stg_cx__holidays
        on local_dates.local_date = stg_cx__holidays.holiday_date
    where
        local_dates.local_date <= local_dates.last_date
        and stg_cx__holidays.holiday_date is null

),

opening_hours_in_utc as (

    select
        {{ cx_local_to_utc(
            dbt.dateadd('minute', 'stg_cx__business_hours.start_minute', 'cast(working_dates.local_date as ' ~ dbt.type_timestamp() ~ ')'),
            'stg_cx__business_hours.timezone') }} as interval_start_at,
        {{ cx_local_to_utc(
            dbt.dateadd('minute', 'stg_cx__business_hours.end_minute', 'cast(working_dates.local_date as ' ~ dbt.type_timestamp() ~ ')'),
            'stg_cx__business_hours.timezone') }} as interval_end_at

    from working_dates
    inner join stg_cx__business_hours
        on working_dates.day_of_week = stg_cx__business_hours.day_of_week

),

opening_hours_flagged_as_new_islands as (

    select
        interval_start_at,
        interval_end_at,
        case
            when interval_start_at <= max(interval_end_at) over (
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
        interval_start_at,
        interval_end_at,
        sum(is_new_island) over (
            order by interval_start_at, interval_end_at
            rows between unbounded preceding and current row
        ) as island_number

    from opening_hours_flagged_as_new_islands

),

working_intervals as (

    select
        min(interval_start_at) as interval_start_at,
        max(interval_end_at) as interval_end_at

    from opening_hours_numbered_by_island
    group by island_number

),

working_intervals_measured as (

    select
        interval_start_at,
        interval_end_at,
        {{ cx_seconds_between('interval_start_at', 'interval_end_at') }} as business_seconds

    from working_intervals

),

working_intervals_accumulated as (

    select
        interval_start_at,
        interval_end_at,
        business_seconds,
        lag(interval_end_at) over (order by interval_start_at) as previous_interval_end_at,
        lead(interval_start_at) over (order by interval_start_at) as next_interval_start_at,
        coalesce(sum(business_seconds) over (
            order by interval_start_at
            rows between unbounded preceding and 1 preceding
        ), 0) as clock_seconds_at_start

    from working_intervals_measured

),

final as (

    select
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
