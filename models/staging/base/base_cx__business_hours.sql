{{ cx_depends_on_demo_seed('business_hours') }}
with

source as (

    select * from {{ source('cx', 'business_hours') }}

),

received as (

    select
        {{ cx_text('day_of_week') }} as day_of_week,
        {{ cx_text('start_time') }} as start_time,
        {{ cx_text('end_time') }} as end_time,
        {{ cx_text('timezone') }} as timezone,
        {{ cx_loaded_at() }} as _loaded_at

    from source

),

row_rules_checked as (

    select
        *,
        case
            when day_of_week is null then 'null_key:day_of_week'
            when start_time is null then 'null_key:start_time'
            when end_time is null then 'missing_required:end_time'
            when timezone is null then 'missing_required:timezone'
            when {{ cx_is_unparseable('day_of_week', 'integer') }} then 'unparseable_value:day_of_week'
            when {{ cx_minute_of_day('start_time') }} is null then 'unparseable_value:start_time'
            when {{ cx_minute_of_day('end_time') }} is null then 'unparseable_value:end_time'
            when {{ cx_try_cast('day_of_week', 'integer') }} not between 1 and 7 then 'out_of_range:day_of_week'
            when {{ cx_minute_of_day('end_time') }} <= {{ cx_minute_of_day('start_time') }}
                then 'timestamp_out_of_order:end_time'
        end as broken_row_rule

    from received

),

rules_checked as (

    select
        *,
        case
            when broken_row_rule is not null then broken_row_rule
            when {{ cx_duplicate_rank(
                [cx_try_cast('day_of_week', 'integer'), cx_minute_of_day('start_time')], 'broken_row_rule',
                ['day_of_week', 'start_time', 'end_time', 'timezone']
            ) }} > 1 then 'duplicate_key:start_time'
        end as broken_rule

    from row_rules_checked

),

final as (

    select
        day_of_week,
        start_time,
        end_time,
        timezone,
        _loaded_at,
        {{ cx_rejection_columns('broken_rule') }}

    from rules_checked

)

select * from final
