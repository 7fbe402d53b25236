{#-
    Holidays from Zendesk's schedule_holiday: one date range per schedule (start_date, end_date,
    inclusive, the schedule's local calendar), deleted rows out. holiday_date / holiday_name
    repeat start_date / name for a build on contract v1 (one-day holidays).
-#}
{{ config(enabled=var('cx_input_format', 'contract') == 'fivetran_zendesk') }}

with

zendesk_schedule_holiday as (

    {{ cx_fivetran_zendesk_read('schedule_holiday', {
        'id': 'bigint', 'schedule_id': 'bigint', 'name': 'text', 'start_date': 'date', 'end_date': 'date',
        '_fivetran_deleted': 'boolean', '_fivetran_synced': 'timestamp',
    }) }}

),

final as (

    select
        {{ cx_fivetran_zendesk_id('schedule_id') }} as schedule_id,
        start_date,
        end_date,
        name,
        start_date as holiday_date,
        name as holiday_name,
        _fivetran_synced as _loaded_at

    from zendesk_schedule_holiday
    where not coalesce(_fivetran_deleted, false)

)

select * from final
