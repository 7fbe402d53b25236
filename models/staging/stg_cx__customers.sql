{#-
    Incremental (docs/incremental.md): on incremental runs, only the rows that
    base_cx__customers validated since this table's latest validated_at are staged again
    (cx_validated_since_staged); the pre-hook first deletes their keys, so a key quarantined now
    leaves staging.
-#}
{{ config(
    materialized=cx_incremental_materialized(),
    incremental_strategy='delete+insert',
    on_schema_change='append_new_columns',
    unique_key='customer_id',
    pre_hook="{{ cx_delete_revalidated_keys('customer_id', 'base_cx__customers') }}",
) }}
with

base_cx__customers as (

    select * from {{ ref('base_cx__customers') }}
    {{- cx_validated_since_staged() }}

),

validated as (

    select * from base_cx__customers
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
        _loaded_at,
        validated_at

    from validated

)

select * from final
