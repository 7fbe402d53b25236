with

validated as (

    select * from {{ ref('base_cx__ticket_schedules') }}
    where reject_reason is null

),

final as (

    select
        ticket_id,
        schedule_id,
        {{ cx_try_cast('valid_from', 'timestamp') }} as valid_from_at,
        _loaded_at

    from validated

)

select * from final
