{{ cx_depends_on_demo_seed('tickets') }}
{%- set key_columns = ['ticket_id'] -%}
with

received as {{ cx_cte_inlined() }} (

    {{ cx_read_raw('tickets') }}

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

-- created_at parsed once: the rules below read created_at_parsed.
values_parsed as {{ cx_cte_inlined() }} (

    select
        *,
        {{ cx_try_cast('created_at', 'timestamp') }} as created_at_parsed

    from keys_flagged

),

row_rules_checked as {{ cx_cte_inlined() }} (

    select
        *,
        case
            when ticket_id is null then 'null_key:ticket_id'
            when created_at is null then 'missing_required:created_at'
            when channel is null then 'missing_required:channel'
            when priority is null then 'missing_required:priority'
            when {{ cx_is_unparseable('created_at', 'timestamp', 'created_at_parsed') }}
                then 'unparseable_value:created_at'
            when {{ cx_is_unknown_enum('channel', var('cx_ticket_channels')) }} then 'unknown_enum:channel'
            when {{ cx_is_unknown_enum('priority', var('cx_ticket_priorities')) }} then 'unknown_enum:priority'
            when {{ cx_is_implausible_timestamp('created_at', 'created_at_parsed') }}
                then 'implausible_timestamp:created_at'
        end as broken_row_rule

    from values_parsed

),

row_rules_ranked as (

    {{ cx_duplicates_ranked(
        'row_rules_checked',
        key_columns, 'broken_row_rule',
        ['ticket_id', 'customer_id', 'channel', 'priority', 'created_at', 'subject',
         'assignee_id', 'group_name', 'via_social_post_id']
    ) }}

),

rules_checked as (

    select
        *,
        case
            when broken_row_rule is not null then broken_row_rule
            when duplicate_rank > 1 then 'duplicate_key:ticket_id'
        end as broken_rule

    from row_rules_ranked

),

references_checked as (

    select
        rules_checked.*,
        case
            when rules_checked.broken_rule is not null then rules_checked.broken_rule
            when rules_checked.customer_id is not null and customers.customer_id is null
                then 'orphan_reference:customer_id'
        end as final_rule

    from rules_checked
    left join customers
        on rules_checked.customer_id = customers.customer_id

),

final as (

    select
        ticket_id,
        customer_id,
        channel,
        priority,
        created_at,
        subject,
        assignee_id,
        group_name,
        via_social_post_id,
        _loaded_at,
        {{ cx_rejection_columns('final_rule') }}

    from references_checked

)

select * from final
