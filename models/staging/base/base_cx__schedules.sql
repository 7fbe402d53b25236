{{ cx_depends_on_demo_seed('schedules') }}
with

received as (

    {{ cx_read_raw('schedules') }}

),

-- The zones the engine can convert: any other would stop the build with the engine's own error.
known_timezones as (

    {{ cx_known_timezones() }}

),

row_rules_checked as (

    select
        received.*,
        case
            when received.schedule_id is null then 'null_key:schedule_id'
            when received.timezone is null then 'missing_required:timezone'
            when known_timezones.timezone_name is null then 'unknown_timezone:timezone'
        end as broken_row_rule

    from received
    left join known_timezones
        on received.timezone = known_timezones.timezone_name

),

row_rules_ranked as (

    {{ cx_duplicates_ranked(
        'row_rules_checked',
        ['schedule_id'], 'broken_row_rule', ['schedule_id', 'name', 'timezone']
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
