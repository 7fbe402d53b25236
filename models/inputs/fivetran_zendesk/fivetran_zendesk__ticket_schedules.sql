{#-
    The schedule of each ticket over time from Zendesk's ticket_schedule (valid_from = when the
    schedule was applied). A ticket without a row gets the default schedule from its creation:
    var cx_fivetran_zendesk_default_schedule_id, or the schedule created first (Zendesk's
    default), when the account has schedules.
-#}
{{ config(enabled=var('cx_input_format', 'contract') == 'fivetran_zendesk') }}

with

zendesk_ticket_schedule as (

    {{ cx_fivetran_zendesk_read('ticket_schedule', {
        'ticket_id': 'bigint', 'schedule_id': 'bigint', 'created_at': 'timestamp', '_fivetran_synced': 'timestamp',
    }) }}

),

zendesk_schedule as (

    {{ cx_fivetran_zendesk_read('schedule', {
        'id': 'bigint', 'created_at': 'timestamp', '_fivetran_deleted': 'boolean',
    }) }}

),

zendesk_ticket as (

    {{ cx_fivetran_zendesk_read('ticket', {
        'id': 'bigint', 'created_at': 'timestamp', '_fivetran_deleted': 'boolean', '_fivetran_synced': 'timestamp',
    }) }}

),

schedules_in_creation_order as (

    select
        id as schedule_id,
        row_number() over (order by created_at, id) as creation_order

    from zendesk_schedule
    where not coalesce(_fivetran_deleted, false)

),

default_schedule as (

    {% if var('cx_fivetran_zendesk_default_schedule_id') is not none %}
        select cast({{ var('cx_fivetran_zendesk_default_schedule_id') }} as {{ dbt.type_bigint() }}) as schedule_id
    {% else %}
        select schedule_id from schedules_in_creation_order
        where creation_order = 1
    {% endif %}

),

applied as (

    select
        ticket_id,
        schedule_id,
        created_at as valid_from,
        _fivetran_synced

    from zendesk_ticket_schedule

),

defaulted as (

    select
        zendesk_ticket.id as ticket_id,
        default_schedule.schedule_id,
        zendesk_ticket.created_at as valid_from,
        zendesk_ticket._fivetran_synced

    from zendesk_ticket
    cross join default_schedule
    left join applied
        on zendesk_ticket.id = applied.ticket_id
    where
        applied.ticket_id is null
        and zendesk_ticket.id is not null
        and not coalesce(zendesk_ticket._fivetran_deleted, false)

),

final as (

    select
        {{ cx_fivetran_zendesk_id('ticket_id') }} as ticket_id,
        {{ cx_fivetran_zendesk_id('schedule_id') }} as schedule_id,
        valid_from,
        _fivetran_synced as _loaded_at

    from (
        select * from applied
        union all
        select * from defaulted
    ) as ticket_schedules

)

select * from final
