{{ cx_depends_on_demo_seed('sla_policies') }}
with

source as (

    select * from {{ source('cx', 'sla_policies') }}

),

received as (

    select
        {{ cx_text('priority') }} as priority,
        {{ cx_text('channel') }} as channel,
        {{ cx_text('first_reply_target_minutes') }} as first_reply_target_minutes,
        {{ cx_text('next_reply_target_minutes') }} as next_reply_target_minutes,
        {{ cx_text('resolution_target_minutes') }} as resolution_target_minutes,
        {{ cx_text('in_business_hours') }} as in_business_hours,
        {{ cx_loaded_at() }} as _loaded_at

    from source

),

row_rules_checked as (

    select
        *,
        case
            when priority is null then 'null_key:priority'
            when channel is null then 'null_key:channel'
            when in_business_hours is null then 'missing_required:in_business_hours'
            when {{ cx_is_unknown_enum('priority', var('cx_ticket_priorities')) }} then 'unknown_enum:priority'
            when {{ cx_is_unknown_enum('channel', var('cx_ticket_channels')) }} then 'unknown_enum:channel'
            when {{ cx_is_unparseable('first_reply_target_minutes', 'integer') }}
                then 'unparseable_value:first_reply_target_minutes'
            when {{ cx_is_unparseable('next_reply_target_minutes', 'integer') }}
                then 'unparseable_value:next_reply_target_minutes'
            when {{ cx_is_unparseable('resolution_target_minutes', 'integer') }}
                then 'unparseable_value:resolution_target_minutes'
            when {{ cx_is_unparseable('in_business_hours', 'boolean') }} then 'unparseable_value:in_business_hours'
            when {{ cx_try_cast('first_reply_target_minutes', 'integer') }} <= 0
                then 'out_of_range:first_reply_target_minutes'
            when {{ cx_try_cast('next_reply_target_minutes', 'integer') }} <= 0
                then 'out_of_range:next_reply_target_minutes'
            when {{ cx_try_cast('resolution_target_minutes', 'integer') }} <= 0
                then 'out_of_range:resolution_target_minutes'
        end as broken_row_rule

    from received

),

rules_checked as (

    select
        *,
        case
            when broken_row_rule is not null then broken_row_rule
            when {{ cx_duplicate_rank(
                ['lower(priority)', 'lower(channel)'], 'broken_row_rule',
                ['priority', 'channel', 'first_reply_target_minutes', 'next_reply_target_minutes',
                 'resolution_target_minutes', 'in_business_hours']
            ) }} > 1 then 'duplicate_key:channel'
        end as broken_rule

    from row_rules_checked

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
        {{ cx_rejection_columns('broken_rule') }}

    from rules_checked

)

select * from final
