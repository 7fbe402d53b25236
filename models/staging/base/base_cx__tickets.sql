{#-
    Incremental (docs/incremental.md): on incremental runs, the raw rows of the tickets that
    arrived or changed since this table's latest (lookback var cx_incremental_lookback_hours),
    that it does not hold yet, or whose customer reference may have turned (quarantined as an
    orphan, or accepted with a customer no longer accepted) are validated again and replace that
    ticket_id's rows (cx_keys_to_revalidate); rows without a ticket_id are validated every run
    (the pre-hook removes the previous ones).
-#}
{{ config(
    materialized=cx_incremental_materialized(),
    incremental_strategy='delete+insert',
    on_schema_change='append_new_columns',
    unique_key='ticket_id',
    pre_hook="{% if is_incremental() %}delete from {{ this }} where ticket_id is null{% endif %}",
) }}
{{ cx_depends_on_demo_seed('tickets') }}
{%- set key_columns = ['ticket_id'] -%}
with

received as {{ cx_cte_inlined() }} (

    {{ cx_read_raw('tickets') }}

),

customers as (

    select * from {{ ref('base_cx__customers') }}
    where reject_reason is null

),

-- On incremental runs, the tickets whose raw rows are validated again (cx_keys_to_revalidate);
-- none on a full build.
tickets_to_check as (  -- noqa: ST03

    {{ cx_keys_to_revalidate('received', 'ticket_id', 'created_at', [['customer_id', 'customers']]) }}

),

-- On incremental runs, the raw rows of those tickets and the rows without a ticket_id
-- (cx_read_raw converts the other columns of those rows only), stored once; on a full build
-- every raw row.
tickets_received as {{ cx_cte_stored_on_incremental_runs() }} (

    {{ cx_raw_rows_to_validate('tickets', 'ticket_id', 'tickets_to_check') }}

),

-- is_key_shared: another row holds the same key; cx_duplicates_ranked sorts only those rows.
-- The CTEs from received to row_rules_checked are inlined (cx_cte_inlined), so that the filters
-- on is_key_shared run before the rules and no row is stored on the way.
keys_flagged as {{ cx_cte_inlined() }} (

    {{ cx_key_shared_flagged('tickets_received', key_columns) }}

),

-- created_at parsed once: the rules below read created_at_parsed.
values_parsed as {{ cx_cte_inlined() }} (

    select
        *,
        {{ cx_try_cast('created_at', 'timestamp') }} as created_at_parsed

    from keys_flagged

),

row_rules_checked as {{ cx_cte_inlined() }} (

    select
        *,
        case
            when ticket_id is null then 'null_key:ticket_id'
            when created_at is null then 'missing_required:created_at'
            when channel is null then 'missing_required:channel'
            when priority is null then 'missing_required:priority'
            when {{ cx_is_unparseable('created_at', 'timestamp', 'created_at_parsed') }}
                then 'unparseable_value:created_at'
            when {{ cx_is_unknown_enum('channel', var('cx_ticket_channels')) }} then 'unknown_enum:channel'
            when {{ cx_is_unknown_enum('priority', var('cx_ticket_priorities')) }} then 'unknown_enum:priority'
            when {{ cx_is_implausible_timestamp('created_at', 'created_at_parsed') }}
                then 'implausible_timestamp:created_at'
        end as broken_row_rule

    from values_parsed

),

row_rules_ranked as (

    {{ cx_duplicates_ranked(
        'row_rules_checked',
        key_columns, 'broken_row_rule',
        ['ticket_id', 'customer_id', 'channel', 'priority', 'created_at', 'subject',
         'assignee_id', 'group_name', 'via_social_post_id']
    ) }}

),

rules_checked as (

    select
        *,
        case
            when broken_row_rule is not null then broken_row_rule
            when duplicate_rank > 1 then 'duplicate_key:ticket_id'
        end as broken_rule

    from row_rules_ranked

),

references_checked as (

    select
        rules_checked.*,
        case
            when rules_checked.broken_rule is not null then rules_checked.broken_rule
            when rules_checked.customer_id is not null and customers.customer_id is null
                then 'orphan_reference:customer_id'
        end as final_rule

    from rules_checked
    left join customers
        on rules_checked.customer_id = customers.customer_id

),

final as (

    select
        ticket_id,
        customer_id,
        channel,
        priority,
        created_at,
        subject,
        assignee_id,
        group_name,
        via_social_post_id,
        _loaded_at,
        {{ cx_rejection_columns('final_rule') }}

    from references_checked

)

select * from final
