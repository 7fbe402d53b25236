{{ cx_depends_on_demo_seed('business_hours') }}
{%- set default_schedule_id = dbt.string_literal(var('cx_default_schedule_id')) -%}
{%- set key_columns = [
    'coalesce(schedule_id, ' ~ default_schedule_id ~ ')',
    cx_try_cast('day_of_week', 'integer'),
    cx_minute_of_day('start_time'),
] -%}
with

received as {{ cx_cte_inlined() }} (

    {{ cx_read_raw('business_hours') }}

),

-- is_key_shared: another row holds the same key; cx_duplicates_ranked sorts only those rows.
-- The CTEs from received to row_rules_checked are inlined (cx_cte_inlined), so that the filters
-- on is_key_shared run before the rules and no row is stored on the way.
keys_flagged as {{ cx_cte_inlined() }} (

    {{ cx_key_shared_flagged('received', key_columns) }}

),

-- A row without timezone takes its schedule's (schedules.timezone); a row without schedule_id
-- belongs to the default schedule (var cx_default_schedule_id).
schedules as (

    select * from {{ ref('base_cx__schedules') }}
    where reject_reason is null

),

-- The zones the engine can convert: any other would stop the build with the engine's own error.
known_timezones as (

    {{ cx_known_timezones() }}

),

row_rules_checked as {{ cx_cte_inlined() }} (

    select
        keys_flagged.*,
        case
            when keys_flagged.day_of_week is null then 'null_key:day_of_week'
            when keys_flagged.start_time is null then 'null_key:start_time'
            when keys_flagged.end_time is null then 'missing_required:end_time'
            when keys_flagged.timezone is null and schedules.timezone is null then 'missing_required:timezone'
            when {{ cx_is_unparseable('keys_flagged.day_of_week', 'integer') }} then 'unparseable_value:day_of_week'
            when {{ cx_minute_of_day('keys_flagged.start_time') }} is null then 'unparseable_value:start_time'
            when {{ cx_minute_of_day('keys_flagged.end_time') }} is null then 'unparseable_value:end_time'
            when keys_flagged.timezone is not null and known_timezones.timezone_name is null
                then 'unknown_timezone:timezone'
            when {{ cx_try_cast('keys_flagged.day_of_week', 'integer') }} not between 1 and 7
                then 'out_of_range:day_of_week'
            when {{ cx_minute_of_day('keys_flagged.end_time') }} <= {{ cx_minute_of_day('keys_flagged.start_time') }}
                then 'timestamp_out_of_order:end_time'
        end as broken_row_rule

    from keys_flagged
    left join schedules
        on coalesce(keys_flagged.schedule_id, {{ default_schedule_id }}) = schedules.schedule_id
    left join known_timezones
        on keys_flagged.timezone = known_timezones.timezone_name

),

row_rules_ranked as (

    {{ cx_duplicates_ranked(
        'row_rules_checked',
        key_columns, 'broken_row_rule',
        ['day_of_week', 'start_time', 'end_time', 'timezone', 'schedule_id']
    ) }}

),

rules_checked as (

    select
        *,
        case
            when broken_row_rule is not null then broken_row_rule
            when duplicate_rank > 1 then 'duplicate_key:start_time'
        end as broken_rule

    from row_rules_ranked

),

final as (

    select
        day_of_week,
        start_time,
        end_time,
        timezone,
        schedule_id,
        _loaded_at,
        {{ cx_rejection_columns('broken_rule') }}

    from rules_checked

)

select * from final
