{{ cx_depends_on_demo_seed('customer_identities') }}
{%- set key_columns = ['lower(platform)', 'handle'] -%}
with

received as {{ cx_cte_inlined() }} (

    {{ cx_read_raw('customer_identities') }}

),

-- is_key_shared: another row holds the same key; cx_duplicates_ranked sorts only those rows.
-- The CTEs from received to row_rules_checked are inlined (cx_cte_inlined), so that the filters
-- on is_key_shared run before the rules and no row is stored on the way.
keys_flagged as {{ cx_cte_inlined() }} (

    {{ cx_key_shared_flagged('received', key_columns) }}

),

customers as (

    select * from {{ ref('base_cx__customers') }}
    where reject_reason is null

),

row_rules_checked as {{ cx_cte_inlined() }} (

    select
        *,
        case
            when platform is null then 'null_key:platform'
            when handle is null then 'null_key:handle'
            when customer_id is null then 'missing_required:customer_id'
        end as broken_row_rule

    from keys_flagged

),

row_rules_ranked as (

    {{ cx_duplicates_ranked(
        'row_rules_checked',
        key_columns, 'broken_row_rule', ['platform', 'handle', 'customer_id']
    ) }}

),

rules_checked as (

    select
        *,
        case
            when broken_row_rule is not null then broken_row_rule
            when duplicate_rank > 1 then 'duplicate_key:handle'
        end as broken_rule

    from row_rules_ranked

),

references_checked as (

    select
        rules_checked.*,
        case
            when rules_checked.broken_rule is not null then rules_checked.broken_rule
            when customers.customer_id is null then 'orphan_reference:customer_id'
        end as final_rule

    from rules_checked
    left join customers
        on rules_checked.customer_id = customers.customer_id

),

final as (

    select
        platform,
        handle,
        customer_id,
        _loaded_at,
        {{ cx_rejection_columns('final_rule') }}

    from references_checked

)

select * from final
