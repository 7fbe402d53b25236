with

validated as (

    select * from {{ ref('base_cx__customers') }}
    where reject_reason is null

),

final as (

    select
        customer_id,
        lower(segment) as segment,
        lower(region) as region,
        -- a field with a bad value (its *_reject_reason, field_values_rejected) is null
        case when signup_at_reject_reason is null then {{ cx_try_cast('signup_at', 'timestamp') }} end as signup_at,
        case when churned_at_reject_reason is null then {{ cx_try_cast('churned_at', 'timestamp') }} end as churned_at,
        case
            when annual_revenue_reject_reason is null then {{ cx_try_cast('annual_revenue', 'numeric') }}
        end as annual_revenue,
        email,
        coalesce({{ cx_try_cast('is_incentivized', 'boolean') }}, false) as is_incentivized,
        _loaded_at

    from validated

)

select * from final
