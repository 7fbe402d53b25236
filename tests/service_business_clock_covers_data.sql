{#-
    The business clock must cover every instant it reads: fails when the data's date range
    (plus margins) is longer than var cx_business_clock_max_days (the clock would stop early), or
    when a schedule exists but an instant got no reading.
-#}
with

int_ticket_timestamps_clocked as (

    select * from {{ ref('int_ticket_timestamps_clocked') }}

),

int_business_intervals_accumulated as (

    select * from {{ ref('int_business_intervals_accumulated') }}

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
        clocked_at

    from int_ticket_timestamps_clocked
    where
        business_clock_seconds is null
        and exists (select 1 from int_business_intervals_accumulated)

),

final as (

    select * from range_too_long
    union all
    select * from unclocked

)

select * from final
