with

validated as (

    select * from {{ ref('base_cx__sla_policies') }}
    where reject_reason is null

),

final as (

    select
        lower(priority) as priority,
        lower(channel) as channel,
        -- a target with a bad value (its *_reject_reason, field_values_rejected) is null
        case
            when first_reply_target_minutes_reject_reason is null
                then {{ cx_try_cast('first_reply_target_minutes', 'integer') }}
        end as first_reply_target_minutes,
        case
            when next_reply_target_minutes_reject_reason is null
                then {{ cx_try_cast('next_reply_target_minutes', 'integer') }}
        end as next_reply_target_minutes,
        case
            when resolution_target_minutes_reject_reason is null
                then {{ cx_try_cast('resolution_target_minutes', 'integer') }}
        end as resolution_target_minutes,
        {{ cx_try_cast('in_business_hours', 'boolean') }} as in_business_hours,
        _loaded_at

    from validated

)

select * from final
