{{ cx_depends_on_demo_seed('sla_policy_targets') }}
{%- set key_columns = ['policy_id', 'lower(priority)', 'lower(metric)'] -%}
with

received as {{ cx_cte_inlined() }} (

    {{ cx_read_raw('sla_policy_targets') }}

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
            when policy_id is null then 'null_key:policy_id'
            when priority is null then 'null_key:priority'
            when metric is null then 'null_key:metric'
            when target_minutes is null then 'missing_required:target_minutes'
            when in_business_hours is null then 'missing_required:in_business_hours'
            when {{ cx_is_unparseable('target_minutes', 'integer') }} then 'unparseable_value:target_minutes'
            when {{ cx_is_unparseable('in_business_hours', 'boolean') }} then 'unparseable_value:in_business_hours'
            when {{ cx_is_unknown_enum('priority', var('cx_ticket_priorities')) }} then 'unknown_enum:priority'
            when {{ cx_is_unknown_enum('metric', cx_sla_metrics()) }} then 'unknown_enum:metric'
            when {{ cx_try_cast('target_minutes', 'integer') }} <= 0 then 'out_of_range:target_minutes'
        end as broken_row_rule

    from keys_flagged

),

row_rules_ranked as (

    {{ cx_duplicates_ranked(
        'row_rules_checked',
        key_columns, 'broken_row_rule',
        ['policy_id', 'priority', 'metric', 'target_minutes', 'in_business_hours']
    ) }}

),

rules_checked as (

    select
        *,
        case
            when broken_row_rule is not null then broken_row_rule
            when duplicate_rank > 1 then 'duplicate_key:metric'
        end as broken_rule

    from row_rules_ranked

),

final as (

    select
        policy_id,
        priority,
        metric,
        target_minutes,
        in_business_hours,
        _loaded_at,
        {{ cx_rejection_columns('broken_rule') }}

    from rules_checked

)

select * from final
