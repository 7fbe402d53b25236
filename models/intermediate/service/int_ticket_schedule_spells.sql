{#-
    The business-hours schedule of each ticket over time (docs/metrics.md "Business clock"):
    one row per spell of a ticket on one schedule, from ticket_schedules (the schedule in force
    from valid_from_at until the ticket's next row). The first spell starts with no bound
    (before its first row a ticket is on its first row's schedule); the last is open. A ticket
    without rows is on var cx_default_schedule_id throughout. Consecutive rows naming the same
    schedule make one spell.

    var cx_business_clock_schedule_reading: 'in_force' (default) keeps every spell, so minutes
    count under the schedule in force at each moment; 'latest' (Zendesk's reporting) puts the
    whole ticket on the schedule of its last row.
-#}

{%- set reading = var('cx_business_clock_schedule_reading') %}
{%- if reading not in ['in_force', 'latest'] %}
    {{ exceptions.raise_compiler_error(
        "var cx_business_clock_schedule_reading must be 'in_force' or 'latest', not '" ~ reading ~ "'") }}
{%- endif %}

with

stg_cx__tickets as (

    select * from {{ ref('stg_cx__tickets') }}

),

stg_cx__ticket_schedules as (

    select * from {{ ref('stg_cx__ticket_schedules') }}

),

schedule_rows_ordered as (

    select
        ticket_id,
        schedule_id,
        valid_from_at,
        row_number() over (
            partition by ticket_id
            order by valid_from_at, _loaded_at, schedule_id
        ) as row_number_from_first,
        row_number() over (
            partition by ticket_id
            order by valid_from_at desc, _loaded_at desc, schedule_id desc
        ) as row_number_from_last

    from stg_cx__ticket_schedules
    where valid_from_at is not null

),

schedule_rows_with_previous as (

    select
        ticket_id,
        schedule_id,
        valid_from_at,
        row_number_from_first,
        lag(schedule_id) over (partition by ticket_id order by row_number_from_first) as previous_schedule_id

    from schedule_rows_ordered
    {%- if reading == 'latest' %}
    where row_number_from_last = 1
    {%- endif %}

),

-- A row that repeats the schedule already in force starts no new spell.
schedule_changes as (

    select
        ticket_id,
        schedule_id,
        valid_from_at,
        row_number() over (partition by ticket_id order by row_number_from_first) as spell_number

    from schedule_rows_with_previous
    where previous_schedule_id is null or previous_schedule_id <> schedule_id

),

spells_of_tickets_with_rows as (

    select
        ticket_id,
        schedule_id,
        case when spell_number > 1 then valid_from_at end as spell_start_at,
        lead(valid_from_at) over (partition by ticket_id order by spell_number) as spell_end_at

    from schedule_changes

),

tickets_with_rows as (

    select distinct ticket_id from schedule_rows_ordered

),

spells_of_tickets_without_rows as (

    select
        stg_cx__tickets.ticket_id,
        {{ dbt.string_literal(var('cx_default_schedule_id')) }} as schedule_id,
        cast(null as {{ dbt.type_timestamp() }}) as spell_start_at,
        cast(null as {{ dbt.type_timestamp() }}) as spell_end_at

    from stg_cx__tickets
    left join tickets_with_rows
        on stg_cx__tickets.ticket_id = tickets_with_rows.ticket_id
    where tickets_with_rows.ticket_id is null

),

spells_unioned as (

    select * from spells_of_tickets_with_rows
    union all
    select * from spells_of_tickets_without_rows

),

final as (

    select
        ticket_id,
        schedule_id,
        spell_start_at,
        spell_end_at

    from spells_unioned

)

select * from final
