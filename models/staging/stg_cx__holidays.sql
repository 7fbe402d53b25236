with

validated as (

    select * from {{ ref('base_cx__holidays') }}
    where reject_reason is null

),

final as (

    select
        schedule_id,
        {{ cx_try_cast('coalesce(start_date, holiday_date)', 'date') }} as holiday_start_date,
        {{ cx_try_cast('coalesce(end_date, start_date, holiday_date)', 'date') }} as holiday_end_date,
        coalesce(name, holiday_name) as holiday_name,
        _loaded_at

    from validated

)

select * from final
