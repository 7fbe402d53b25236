{#-
    Incremental (docs/incremental.md): on incremental runs, the raw rows of the tickets whose
    schedule rows arrived or changed since this table's latest (valid_from or _loaded_at within
    the lookback var cx_incremental_lookback_hours), that it does not hold yet, or whose
    references may have turned (a row quarantined as an orphan, or accepted with a ticket or
    schedule no longer accepted) are validated again and replace that ticket_id's rows
    (cx_keys_to_revalidate); rows without a ticket_id are validated every run (the pre-hook
    removes the previous ones).
-#}
{{ config(
    materialized=cx_incremental_materialized(),
    incremental_strategy='delete+insert',
    on_schema_change='append_new_columns',
    unique_key='ticket_id',
    pre_hook="{% if is_incremental() %}delete from {{ this }} where ticket_id is null{% endif %}",
) }}
{{ cx_depends_on_demo_seed('ticket_schedules') }}
{%- set default_schedule_id = dbt.string_literal(var('cx_default_schedule_id')) -%}
{%- set key_columns = ['ticket_id', 'valid_from_parsed'] -%}
with

received as {{ cx_cte_inlined() }} (

    {{ cx_read_raw('ticket_schedules') }}

),

tickets as (

    select * from {{ ref('base_cx__tickets') }}
    where reject_reason is null

),

schedules as (

    select * from {{ ref('base_cx__schedules') }}
    where reject_reason is null

),

business_hours as (

    select * from {{ ref('base_cx__business_hours') }}
    where reject_reason is null

),

-- The schedules a ticket may be on: those of schedules and those business_hours rows name
-- (a row without schedule_id: the default schedule), the schedule ids of stg_cx__schedules.
known_schedules as (

    select schedule_id from schedules
    union
    select coalesce(schedule_id, {{ default_schedule_id }}) as schedule_id from business_hours

),

-- On incremental runs, the tickets whose raw rows are validated again (cx_keys_to_revalidate);
-- none on a full build.
ticket_schedules_to_check as (  -- noqa: ST03

    {{ cx_keys_to_revalidate(
        'received', 'ticket_id', 'valid_from', [['ticket_id', 'tickets'], ['schedule_id', 'known_schedules']]
    ) }}

),

-- On incremental runs, the raw rows of those tickets and the rows without a ticket_id
-- (cx_read_raw converts the other columns of those rows only), stored once; on a full build
-- every raw row.
ticket_schedules_received as {{ cx_cte_stored_on_incremental_runs() }} (

    {{ cx_raw_rows_to_validate('ticket_schedules', 'ticket_id', 'ticket_schedules_to_check') }}

),

-- valid_from parsed once: the key and the rules below read valid_from_parsed.
values_parsed as {{ cx_cte_inlined() }} (

    select
        *,
        {{ cx_try_cast('valid_from', 'timestamp') }} as valid_from_parsed

    from ticket_schedules_received

),

-- is_key_shared: another row holds the same key; cx_duplicates_ranked sorts only those rows.
-- The CTEs from received to row_rules_checked are inlined (cx_cte_inlined), so that the filters
-- on is_key_shared run before the rules and no row is stored on the way.
keys_flagged as {{ cx_cte_inlined() }} (

    {{ cx_key_shared_flagged('values_parsed', key_columns) }}

),

row_rules_checked as {{ cx_cte_inlined() }} (

    select
        *,
        case
            when ticket_id is null then 'null_key:ticket_id'
            when valid_from is null then 'null_key:valid_from'
            when schedule_id is null then 'missing_required:schedule_id'
            when {{ cx_is_unparseable('valid_from', 'timestamp', 'valid_from_parsed') }}
                then 'unparseable_value:valid_from'
            when {{ cx_is_implausible_timestamp('valid_from', 'valid_from_parsed') }}
                then 'implausible_timestamp:valid_from'
        end as broken_row_rule

    from keys_flagged

),

row_rules_ranked as (

    {{ cx_duplicates_ranked(
        'row_rules_checked',
        key_columns, 'broken_row_rule',
        ['ticket_id', 'schedule_id', 'valid_from']
    ) }}

),

rules_checked as (

    select
        *,
        case
            when broken_row_rule is not null then broken_row_rule
            when duplicate_rank > 1 then 'duplicate_key:valid_from'
        end as broken_rule

    from row_rules_ranked

),

references_checked as (

    select
        rules_checked.*,
        case
            when rules_checked.broken_rule is not null then rules_checked.broken_rule
            when tickets.ticket_id is null then 'orphan_reference:ticket_id'
            when known_schedules.schedule_id is null then 'orphan_reference:schedule_id'
        end as final_rule

    from rules_checked
    left join tickets
        on rules_checked.ticket_id = tickets.ticket_id
    left join known_schedules
        on rules_checked.schedule_id = known_schedules.schedule_id

),

final as (

    select
        ticket_id,
        schedule_id,
        valid_from,
        _loaded_at,
        {{ cx_rejection_columns('final_rule') }}

    from references_checked

)

select * from final
