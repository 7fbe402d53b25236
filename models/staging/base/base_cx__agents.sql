{{ cx_depends_on_demo_seed('agents') }}
{%- set key_columns = ['agent_id'] -%}
with

received as {{ cx_cte_inlined() }} (

    {{ cx_read_raw('agents') }}

),

-- is_key_shared: another row holds the same key; cx_duplicates_ranked sorts only those rows.
-- The CTEs from received to row_rules_checked are inlined (cx_cte_inlined), so that the filters
-- on is_key_shared run before the rules and no row is stored on the way.
keys_flagged as {{ cx_cte_inlined() }} (

    {{ cx_key_shared_flagged('received', key_columns) }}

),

row_rules_checked as {{ cx_cte_inlined() }} (

    select
        *,
        case
            when agent_id is null then 'null_key:agent_id'
            -- role decides whether the agent counts in the performance marts: an unknown role
            -- quarantines the row rather than guessing (null = agent)
            when {{ cx_is_unknown_enum('role', var('cx_agent_roles')) }} then 'unknown_enum:role'
        end as broken_row_rule,
        -- Optional field: a bad value nulls the field (field_values_rejected), the row is kept.
        case
            when {{ cx_is_unparseable('is_active', 'boolean') }} then 'unparseable_value'
        end as is_active_reject_reason

    from keys_flagged

),

row_rules_ranked as (

    {{ cx_duplicates_ranked(
        'row_rules_checked',
        key_columns, 'broken_row_rule', ['agent_id', 'name', 'group_name', 'role', 'is_active']
    ) }}

),

rules_checked as (

    select
        *,
        case
            when broken_row_rule is not null then broken_row_rule
            when duplicate_rank > 1 then 'duplicate_key:agent_id'
        end as broken_rule

    from row_rules_ranked

),

final as (

    select
        agent_id,
        name,
        group_name,
        role,
        is_active,
        _loaded_at,
        {{ cx_rejection_columns('broken_rule') }},
        is_active_reject_reason

    from rules_checked

)

select * from final
