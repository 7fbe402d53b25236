with

validated as (

    select * from {{ ref('base_cx__holidays') }}
    where reject_reason is null

),

final as (

    select
        {{ cx_try_cast('holiday_date', 'date') }} as holiday_date,
        holiday_name,
        _loaded_at

    from validated

)

select * from final
