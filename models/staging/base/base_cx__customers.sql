{{ cx_depends_on_demo_seed('customers') }}
with

source as (

    select * from {{ source('cx', 'customers') }}

),

received as (

    select
        {{ cx_text('customer_id') }} as customer_id,
        {{ cx_text('segment') }} as segment,
        {{ cx_text('region') }} as region,
        {{ cx_text('signup_at') }} as signup_at,
        {{ cx_text('churned_at') }} as churned_at,
        {{ cx_text('annual_revenue') }} as annual_revenue,
        {{ cx_text('email') }} as email,
        {{ cx_text('is_incentivized') }} as is_incentivized,
        {{ cx_loaded_at() }} as _loaded_at

    from source

),

row_rules_checked as (

    select
        *,
        case
            when customer_id is null then 'null_key:customer_id'
            when {{ cx_is_unparseable('signup_at', 'timestamp') }} then 'unparseable_value:signup_at'
            when {{ cx_is_unparseable('churned_at', 'timestamp') }} then 'unparseable_value:churned_at'
            when {{ cx_is_unparseable('annual_revenue', 'numeric') }} then 'unparseable_value:annual_revenue'
            when {{ cx_is_unparseable('is_incentivized', 'boolean') }} then 'unparseable_value:is_incentivized'
            when {{ cx_try_cast('churned_at', 'timestamp') }} < {{ cx_try_cast('signup_at', 'timestamp') }}
                then 'timestamp_out_of_order:churned_at'
            when {{ cx_try_cast('annual_revenue', 'numeric') }} < 0 then 'out_of_range:annual_revenue'
        end as broken_row_rule

    from received

),

rules_checked as (

    select
        *,
        case
            when broken_row_rule is not null then broken_row_rule
            when {{ cx_duplicate_rank(
                ['customer_id'], 'broken_row_rule',
                ['customer_id', 'segment', 'region', 'signup_at', 'churned_at', 'annual_revenue', 'email', 'is_incentivized']
            ) }} > 1 then 'duplicate_key:customer_id'
        end as broken_rule

    from row_rules_checked

),

final as (

    select
        customer_id,
        segment,
        region,
        signup_at,
        churned_at,
        annual_revenue,
        email,
        is_incentivized,
        _loaded_at,
        {{ cx_rejection_columns('broken_rule') }}

    from rules_checked

)

select * from final
