{#-
    One row per ticket: how long its first reply, resolution and open time took, in calendar and
    business minutes. Business minutes are the difference of two readings of the ticket's
    business clock (int_ticket_timestamps_clocked, docs/metrics.md "Business clock"); open durations run to the
    build's "now" (int_as_of). The SLA model picks which of these durations each metric uses.
    A table: int_tickets_sla_measured and fct_tickets both read it.
-#}
{{ config(
    materialized=cx_incremental_materialized(),
    incremental_strategy='append',
    on_schema_change='append_new_columns',
    pre_hook="{{ cx_delete_rows_to_rebuild('ticket_id', 'int_tickets_to_rebuild') }}",
) }}

{#- The instants whose business clock reading the durations use, and their ticket_timestamps column. -#}
{%- set clocked_instants = {
    'created': 'created_at',
    'reply_started': 'first_reply_started_at',
    'first_reply': 'first_reply_at',
    'first_solved': 'first_solved_at',
    'last_solved': 'last_solved_at',
    'as_of': 'as_of_at',
} %}

with

stg_cx__tickets as (

    select * from {{ ref('stg_cx__tickets') }}
    {{- cx_rebuild_filter('ticket_id', 'int_tickets_to_rebuild') }}

),

int_tickets_replies_summarized as (

    select * from {{ ref('int_tickets_replies_summarized') }}
    {{- cx_rebuild_filter('ticket_id', 'int_tickets_to_rebuild') }}

),

int_tickets_status_summarized as (

    select * from {{ ref('int_tickets_status_summarized') }}
    {{- cx_rebuild_filter('ticket_id', 'int_tickets_to_rebuild') }}

),

int_as_of as (

    select * from {{ ref('int_as_of') }}

),

int_ticket_timestamps_clocked as (

    select * from {{ ref('int_ticket_timestamps_clocked') }}
    {{- cx_rebuild_filter('ticket_id', 'int_tickets_to_rebuild') }}

),

ticket_timestamps as (

    select
        stg_cx__tickets.ticket_id,
        stg_cx__tickets.created_at,
        int_tickets_replies_summarized.first_reply_started_at,
        int_tickets_replies_summarized.first_reply_at,
        int_tickets_status_summarized.is_solved,
        int_tickets_status_summarized.first_solved_at,
        int_tickets_status_summarized.last_solved_at,
        int_as_of.as_of_at

    from stg_cx__tickets
    cross join int_as_of
    left join int_tickets_replies_summarized
        on stg_cx__tickets.ticket_id = int_tickets_replies_summarized.ticket_id
    left join int_tickets_status_summarized
        on stg_cx__tickets.ticket_id = int_tickets_status_summarized.ticket_id

),

-- The six instants each ticket needs read, one row each, so the clock table is joined once
-- (a join per instant built six hash tables of it).
instants_to_read as (

    {%- for instant, column in clocked_instants.items() %}
        select
            ticket_id,
            '{{ instant }}' as instant,
            {{ column }} as clocked_at
        from ticket_timestamps
        {% if not loop.last %}union all{% endif %}
    {%- endfor %}

),

-- The clock's readings at those instants, one row per ticket (<instant>_clock_seconds; null
-- where the instant is null or has no reading).
clock_readings as (

    select
        {%- for instant in clocked_instants %}
            max(case when instants_to_read.instant = '{{ instant }}' then clocked.business_clock_seconds end)
                as {{ instant }}_clock_seconds,
        {%- endfor %}
        instants_to_read.ticket_id

    from instants_to_read
    inner join int_ticket_timestamps_clocked as clocked
        on
            instants_to_read.ticket_id = clocked.ticket_id
            and instants_to_read.clocked_at = clocked.clocked_at
    group by instants_to_read.ticket_id

),

final as (

    select
        ticket_timestamps.ticket_id,
        {{ cx_minutes_between('ticket_timestamps.first_reply_started_at', 'ticket_timestamps.first_reply_at') }}
            as first_reply_minutes,
        {{ cx_seconds_to_minutes(
            'clock_readings.first_reply_clock_seconds - clock_readings.reply_started_clock_seconds'
        ) }} as first_reply_business_minutes,
        {{ cx_minutes_between('ticket_timestamps.created_at', 'ticket_timestamps.first_solved_at') }}
            as first_resolution_minutes,
        {{ cx_seconds_to_minutes('clock_readings.first_solved_clock_seconds - clock_readings.created_clock_seconds') }}
            as first_resolution_business_minutes,
        -- Minutes computed inside a case are cast again so they keep decimal(28,6) on every engine.
        cast(
            case
                when ticket_timestamps.is_solved
                    then {{ cx_minutes_between('ticket_timestamps.created_at', 'ticket_timestamps.last_solved_at') }}
            end as {{ dbt.type_numeric() }}
        ) as full_resolution_minutes,
        cast(
            case
                when ticket_timestamps.is_solved
                    then {{ cx_seconds_to_minutes(
                        'clock_readings.last_solved_clock_seconds - clock_readings.created_clock_seconds'
                    ) }}
            end as {{ dbt.type_numeric() }}
        ) as full_resolution_business_minutes,
        {{ cx_minutes_between('ticket_timestamps.first_reply_started_at', 'ticket_timestamps.as_of_at') }}
            as first_reply_waiting_minutes_at_as_of,
        {{ cx_seconds_to_minutes('clock_readings.as_of_clock_seconds - clock_readings.reply_started_clock_seconds') }}
            as first_reply_waiting_business_minutes_at_as_of,
        {{ cx_minutes_between('ticket_timestamps.first_reply_started_at', 'ticket_timestamps.first_solved_at') }}
            as first_reply_waiting_minutes_to_solve,
        {{ cx_seconds_to_minutes(
            'clock_readings.first_solved_clock_seconds - clock_readings.reply_started_clock_seconds'
        ) }} as first_reply_waiting_business_minutes_to_solve,
        {{ cx_minutes_between('ticket_timestamps.created_at', 'ticket_timestamps.as_of_at') }} as age_minutes_at_as_of,
        {{ cx_seconds_to_minutes('clock_readings.as_of_clock_seconds - clock_readings.created_clock_seconds') }}
            as age_business_minutes_at_as_of

    from ticket_timestamps
    left join clock_readings
        on ticket_timestamps.ticket_id = clock_readings.ticket_id

)

select * from final
