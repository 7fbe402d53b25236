{{ cx_depends_on_demo_seed('customer_identities') }}
with

received as (

    {{ cx_read_raw('customer_identities') }}

),

customers as (

    select * from {{ ref('base_cx__customers') }}
    where reject_reason is null

),

row_rules_checked as (

    select
        *,
        case
            when platform is null then 'null_key:platform'
            when handle is null then 'null_key:handle'
            when customer_id is null then 'missing_required:customer_id'
        end as broken_row_rule

    from received

),

row_rules_ranked as (

    {{ cx_duplicates_ranked(
        'row_rules_checked',
        ['lower(platform)', 'handle'], 'broken_row_rule', ['platform', 'handle', 'customer_id']
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
