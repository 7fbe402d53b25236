{{ cx_depends_on_demo_seed('schedules') }}
{%- set key_columns = ['schedule_id'] -%}
with

received as {{ cx_cte_inlined() }} (

    {{ cx_read_raw('schedules') }}

),

-- is_key_shared: another row holds the same key; cx_duplicates_ranked sorts only those rows.
-- The CTEs from received to row_rules_checked are inlined (cx_cte_inlined), so that the filters
-- on is_key_shared run before the rules and no row is stored on the way.
keys_flagged as {{ cx_cte_inlined() }} (

    {{ cx_key_shared_flagged('received', key_columns) }}

),

-- The zones the engine can convert: any other would stop the build with the engine's own error.
known_timezones as (

    {{ cx_known_timezones() }}

),

row_rules_checked as {{ cx_cte_inlined() }} (

    select
        keys_flagged.*,
        case
            when keys_flagged.schedule_id is null then 'null_key:schedule_id'
            when keys_flagged.timezone is null then 'missing_required:timezone'
            when known_timezones.timezone_name is null then 'unknown_timezone:timezone'
        end as broken_row_rule

    from keys_flagged
    left join known_timezones
        on keys_flagged.timezone = known_timezones.timezone_name

),

row_rules_ranked as (

    {{ cx_duplicates_ranked(
        'row_rules_checked',
        key_columns, 'broken_row_rule', ['schedule_id', 'name', 'timezone']
    ) }}

),

rules_checked as (

    select
        *,
        case
            when broken_row_rule is not null then broken_row_rule
            when duplicate_rank > 1 then 'duplicate_key:schedule_id'
        end as broken_rule

    from row_rules_ranked

),

final as (

    select
        schedule_id,
        name,
        timezone,
        _loaded_at,
        {{ cx_rejection_columns('broken_rule') }}

    from rules_checked

)

select * from final
