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
        {{ cx_try_cast('signup_at', 'timestamp') }} as signup_at,
        {{ cx_try_cast('churned_at', 'timestamp') }} as churned_at,
        {{ cx_try_cast('annual_revenue', 'numeric') }} as annual_revenue,
        email,
        coalesce({{ cx_try_cast('is_incentivized', 'boolean') }}, false) as is_incentivized,
        _loaded_at

    from validated

)

select * from final
