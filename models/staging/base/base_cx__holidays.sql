{{ cx_depends_on_demo_seed('holidays') }}
{%- set key_columns = ['schedule_id', cx_try_cast('resolved_start_date', 'date')] -%}
with

received as {{ cx_cte_inlined() }} (

    {{ cx_read_raw('holidays') }}

),

-- Contract v2 columns first, the v1 ones (holiday_date, holiday_name) in their place: a holiday
-- lasts from start_date to end_date (one day when end_date is null).
dates_resolved as {{ cx_cte_inlined() }} (

    select
        *,
        coalesce(start_date, holiday_date) as resolved_start_date,
        coalesce(end_date, start_date, holiday_date) as resolved_end_date

    from received

),

-- is_key_shared: another row holds the same key; cx_duplicates_ranked sorts only those rows.
-- The CTEs from received to row_rules_checked are inlined (cx_cte_inlined), so that the filters
-- on is_key_shared run before the rules and no row is stored on the way.
keys_flagged as {{ cx_cte_inlined() }} (

    {{ cx_key_shared_flagged('dates_resolved', key_columns) }}

),

row_rules_checked as {{ cx_cte_inlined() }} (

    select
        *,
        case
            when resolved_start_date is null then 'null_key:start_date'
            when {{ cx_is_unparseable('start_date', 'date') }} then 'unparseable_value:start_date'
            when {{ cx_is_unparseable('holiday_date', 'date') }} then 'unparseable_value:holiday_date'
            when {{ cx_is_unparseable('end_date', 'date') }} then 'unparseable_value:end_date'
            when {{ cx_try_cast('resolved_end_date', 'date') }} < {{ cx_try_cast('resolved_start_date', 'date') }}
                then 'timestamp_out_of_order:end_date'
        end as broken_row_rule

    from keys_flagged

),

row_rules_ranked as (

    {{ cx_duplicates_ranked(
        'row_rules_checked',
        key_columns, 'broken_row_rule',
        ['holiday_date', 'holiday_name', 'schedule_id', 'start_date', 'end_date', 'name']
    ) }}

),

rules_checked as (

    select
        *,
        case
            when broken_row_rule is not null then broken_row_rule
            when duplicate_rank > 1 then 'duplicate_key:start_date'
        end as broken_rule

    from row_rules_ranked

),

final as (

    select
        holiday_date,
        holiday_name,
        schedule_id,
        start_date,
        end_date,
        name,
        _loaded_at,
        {{ cx_rejection_columns('broken_rule') }}

    from rules_checked

)

select * from final
