{{ cx_depends_on_demo_seed('holidays') }}
with

received as (

    {{ cx_read_raw('holidays') }}

),

row_rules_checked as (

    select
        *,
        case
            when holiday_date is null then 'null_key:holiday_date'
            when {{ cx_is_unparseable('holiday_date', 'date') }} then 'unparseable_value:holiday_date'
        end as broken_row_rule

    from received

),

rules_checked as (

    select
        *,
        case
            when broken_row_rule is not null then broken_row_rule
            when {{ cx_duplicate_rank(
                [cx_try_cast('holiday_date', 'date')], 'broken_row_rule', ['holiday_date', 'holiday_name']
            ) }} > 1 then 'duplicate_key:holiday_date'
        end as broken_rule

    from row_rules_checked

),

final as (

    select
        holiday_date,
        holiday_name,
        _loaded_at,
        {{ cx_rejection_columns('broken_rule') }}

    from rules_checked

)

select * from final
