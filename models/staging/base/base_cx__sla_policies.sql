{{ cx_depends_on_demo_seed('sla_policies') }}
{%- set key_columns = ['lower(priority)', 'lower(channel)'] -%}
with

received as {{ cx_cte_inlined() }} (

    {{ cx_read_raw('sla_policies') }}

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
            when priority is null then 'null_key:priority'
            when channel is null then 'null_key:channel'
            when in_business_hours is null then 'missing_required:in_business_hours'
            when {{ cx_is_unknown_enum('priority', var('cx_ticket_priorities')) }} then 'unknown_enum:priority'
            when {{ cx_is_unknown_enum('channel', var('cx_ticket_channels')) }} then 'unknown_enum:channel'
            when {{ cx_is_unparseable('in_business_hours', 'boolean') }} then 'unparseable_value:in_business_hours'
        end as broken_row_rule,
        -- Optional fields: a bad target nulls it (field_values_rejected), the policy is kept.
        case
            when {{ cx_is_unparseable('first_reply_target_minutes', 'integer') }} then 'unparseable_value'
            when {{ cx_try_cast('first_reply_target_minutes', 'integer') }} <= 0 then 'out_of_range'
        end as first_reply_target_minutes_reject_reason,
        case
            when {{ cx_is_unparseable('next_reply_target_minutes', 'integer') }} then 'unparseable_value'
            when {{ cx_try_cast('next_reply_target_minutes', 'integer') }} <= 0 then 'out_of_range'
        end as next_reply_target_minutes_reject_reason,
        case
            when {{ cx_is_unparseable('resolution_target_minutes', 'integer') }} then 'unparseable_value'
            when {{ cx_try_cast('resolution_target_minutes', 'integer') }} <= 0 then 'out_of_range'
        end as resolution_target_minutes_reject_reason

    from keys_flagged

),

row_rules_ranked as (

    {{ cx_duplicates_ranked(
        'row_rules_checked',
        key_columns, 'broken_row_rule',
        ['priority', 'channel', 'first_reply_target_minutes', 'next_reply_target_minutes',
         'resolution_target_minutes', 'in_business_hours']
    ) }}

),

rules_checked as (

    select
        *,
        case
            when broken_row_rule is not null then broken_row_rule
            when duplicate_rank > 1 then 'duplicate_key:channel'
        end as broken_rule

    from row_rules_ranked

),

final as (

    select
        priority,
        channel,
        first_reply_target_minutes,
        next_reply_target_minutes,
        resolution_target_minutes,
        in_business_hours,
        _loaded_at,
        {{ cx_rejection_columns('broken_rule') }},
        first_reply_target_minutes_reject_reason,
        next_reply_target_minutes_reject_reason,
        resolution_target_minutes_reject_reason

    from rules_checked

)

select * from final
