{#-
    Every instant the service metrics measure from or to (ticket creation, ticket events, and the
    build's "now"), read once on the business clock: business_clock_seconds = business seconds
    elapsed from the clock's start to that instant. Business time between two instants is the
    difference of their clock readings. One range join of distinct instants to the (small)
    interval table; null when there is no business_hours schedule.
-#}
{{ config(materialized='table') }}

with

stg_cx__tickets as (

    select * from {{ ref('stg_cx__tickets') }}

),

stg_cx__ticket_events as (

    select * from {{ ref('stg_cx__ticket_events') }}

),

int_as_of as (

    select * from {{ ref('int_as_of') }}

),

int_business_intervals_accumulated as (

    select * from {{ ref('int_business_intervals_accumulated') }}

),

instants as (

    select created_at as clocked_at from stg_cx__tickets
    union
    select event_at as clocked_at from stg_cx__ticket_events
    union
    select as_of_at as clocked_at from int_as_of

),

final as (

    select
        instants.clocked_at,
        int_business_intervals_accumulated.clock_seconds_at_start
        + greatest(0, {{ cx_seconds_between(
            'int_business_intervals_accumulated.interval_start_at',
            'least(instants.clocked_at, int_business_intervals_accumulated.interval_end_at)') }})
            as business_clock_seconds

    from instants
    left join int_business_intervals_accumulated
        on
            instants.clocked_at >= int_business_intervals_accumulated.covers_from_at
            and instants.clocked_at < int_business_intervals_accumulated.covers_to_at
    where instants.clocked_at is not null

)

select * from final
