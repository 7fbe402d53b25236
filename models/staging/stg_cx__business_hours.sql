with

validated as (

    select * from {{ ref('base_cx__business_hours') }}
    where reject_reason is null

),

final as (

    select
        {{ cx_try_cast('day_of_week', 'integer') }} as day_of_week,
        {{ cx_minute_of_day('start_time') }} as start_minute,
        {{ cx_minute_of_day('end_time') }} as end_minute,
        start_time,
        end_time,
        timezone,
        _loaded_at

    from validated

)

select * from final
