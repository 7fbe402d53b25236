with

validated as (

    select * from {{ ref('base_cx__sla_policy_targets') }}
    where reject_reason is null

),

final as (

    select
        policy_id,
        lower(priority) as priority,
        lower(metric) as metric,
        {{ cx_try_cast('target_minutes', 'integer') }} as target_minutes,
        {{ cx_try_cast('in_business_hours', 'boolean') }} as in_business_hours,
        _loaded_at

    from validated

)

select * from final
