{#-
    Schedules from Zendesk's schedule table (one row per interval there; one per schedule here),
    deleted rows out. timezone = the IANA zone of the Zendesk time-zone name (seed
    zendesk_time_zones); a name the seed does not know passes unchanged, so the validation layer
    quarantines it (unknown_timezone) unless it is already an IANA name.
-#}
{{ config(enabled=var('cx_input_format', 'contract') == 'fivetran_zendesk') }}

with

zendesk_schedule as (

    {{ cx_fivetran_zendesk_read('schedule', {
        'id': 'bigint', 'name': 'text', 'time_zone': 'text',
        '_fivetran_deleted': 'boolean', '_fivetran_synced': 'timestamp',
    }) }}

),

zendesk_time_zones as (

    select * from {{ ref('zendesk_time_zones') }}

),

schedules as (

    select
        id,
        name,
        time_zone,
        max(_fivetran_synced) as _fivetran_synced

    from zendesk_schedule
    where not coalesce(_fivetran_deleted, false)
    group by id, name, time_zone

),

final as (

    select
        {{ cx_fivetran_zendesk_id('schedules.id') }} as schedule_id,
        schedules.name,
        coalesce(zendesk_time_zones.iana_time_zone, schedules.time_zone) as timezone,
        schedules._fivetran_synced as _loaded_at

    from schedules
    left join zendesk_time_zones
        on schedules.time_zone = zendesk_time_zones.zendesk_time_zone

)

select * from final
