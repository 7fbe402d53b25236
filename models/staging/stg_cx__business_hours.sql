{%- set default_schedule_id = dbt.string_literal(var('cx_default_schedule_id')) -%}
with

validated as (

    select * from {{ ref('base_cx__business_hours') }}
    where reject_reason is null

),

schedules as (

    select * from {{ ref('base_cx__schedules') }}
    where reject_reason is null

),

final as (

    select
        coalesce(validated.schedule_id, {{ default_schedule_id }}) as schedule_id,
        {{ cx_try_cast('validated.day_of_week', 'integer') }} as day_of_week,
        {{ cx_minute_of_day('validated.start_time') }} as start_minute,
        {{ cx_minute_of_day('validated.end_time') }} as end_minute,
        validated.start_time,
        validated.end_time,
        -- The row's own zone wins over its schedule's.
        coalesce(validated.timezone, schedules.timezone) as timezone,
        validated._loaded_at

    from validated
    left join schedules
        on coalesce(validated.schedule_id, {{ default_schedule_id }}) = schedules.schedule_id

)

select * from final
