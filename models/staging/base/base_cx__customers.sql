{#-
    Incremental (docs/incremental.md): on incremental runs, the raw rows of the customers that
    arrived or changed since this table's latest (signup_at, churned_at or _loaded_at within
    the lookback var cx_incremental_lookback_hours) or that it does not hold yet are validated
    again and replace that customer_id's rows (cx_keys_to_revalidate); rows without a
    customer_id are validated every run (the pre-hook removes the previous ones). No rule here
    reads another table, so no other key needs it.
-#}
{{ config(
    materialized=cx_incremental_materialized(),
    incremental_strategy='delete+insert',
    on_schema_change='append_new_columns',
    unique_key='customer_id',
    pre_hook="{% if is_incremental() %}delete from {{ this }} where customer_id is null{% endif %}",
) }}
{{ cx_depends_on_demo_seed('customers') }}
{%- set key_columns = ['customer_id'] -%}
with

received as {{ cx_cte_inlined() }} (

    {{ cx_read_raw('customers') }}

),

-- On incremental runs, the customers whose raw rows are validated again (cx_keys_to_revalidate);
-- none on a full build.
customers_to_check as (  -- noqa: ST03

    {{ cx_keys_to_revalidate('received', 'customer_id', ['signup_at', 'churned_at']) }}

),

-- On incremental runs, the raw rows of those customers and the rows without a customer_id
-- (cx_read_raw converts the other columns of those rows only), stored once; on a full build
-- every raw row.
customers_received as {{ cx_cte_stored_on_incremental_runs() }} (

    {{ cx_raw_rows_to_validate('customers', 'customer_id', 'customers_to_check') }}

),

-- is_key_shared: another row holds the same key; cx_duplicates_ranked sorts only those rows.
-- The CTEs from received to row_rules_checked are inlined (cx_cte_inlined), so that the filters
-- on is_key_shared run before the rules and no row is stored on the way.
keys_flagged as {{ cx_cte_inlined() }} (

    {{ cx_key_shared_flagged('customers_received', key_columns) }}

),

-- Each value parsed once: the rules below read the *_parsed columns.
values_parsed as {{ cx_cte_inlined() }} (

    select
        *,
        {{ cx_try_cast('signup_at', 'timestamp') }} as signup_at_parsed,
        {{ cx_try_cast('churned_at', 'timestamp') }} as churned_at_parsed,
        {{ cx_try_cast('annual_revenue', 'numeric') }} as annual_revenue_parsed

    from keys_flagged

),

row_rules_checked as {{ cx_cte_inlined() }} (

    select
        *,
        case
            when customer_id is null then 'null_key:customer_id'
        end as broken_row_rule,
        -- Optional fields: a bad value nulls the field (field_values_rejected), the row is kept.
        case
            when {{ cx_is_unparseable('signup_at', 'timestamp', 'signup_at_parsed') }} then 'unparseable_value'
            when {{ cx_is_implausible_timestamp('signup_at', 'signup_at_parsed') }} then 'implausible_timestamp'
        end as signup_at_reject_reason,
        case
            when {{ cx_is_unparseable('churned_at', 'timestamp', 'churned_at_parsed') }} then 'unparseable_value'
            when {{ cx_is_implausible_timestamp('churned_at', 'churned_at_parsed') }} then 'implausible_timestamp'
            when
                churned_at_parsed < signup_at_parsed
                and not {{ cx_is_implausible_timestamp('signup_at', 'signup_at_parsed') }}
                then 'timestamp_out_of_order'
        end as churned_at_reject_reason,
        case
            when {{ cx_is_unparseable('annual_revenue', 'numeric', 'annual_revenue_parsed') }} then 'unparseable_value'
            when annual_revenue_parsed < 0 then 'out_of_range'
        end as annual_revenue_reject_reason,
        case
            when {{ cx_is_unparseable('is_incentivized', 'boolean') }} then 'unparseable_value'
        end as is_incentivized_reject_reason

    from values_parsed

),

row_rules_ranked as (

    {{ cx_duplicates_ranked(
        'row_rules_checked',
        key_columns, 'broken_row_rule',
        ['customer_id', 'segment', 'region', 'signup_at', 'churned_at', 'annual_revenue', 'email', 'is_incentivized']
    ) }}

),

rules_checked as (

    select
        *,
        case
            when broken_row_rule is not null then broken_row_rule
            when duplicate_rank > 1 then 'duplicate_key:customer_id'
        end as broken_rule

    from row_rules_ranked

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
        {{ cx_validated_at() }} as validated_at,
        {{ cx_rejection_columns('broken_rule') }},
        signup_at_reject_reason,
        churned_at_reject_reason,
        annual_revenue_reject_reason,
        is_incentivized_reject_reason

    from rules_checked

)

select * from final
