{#-
    Incremental (docs/incremental.md): on incremental runs, the raw rows of the tickets whose SLA
    policy rows arrived or changed since this table's latest (applied_at or _loaded_at within
    the lookback var cx_incremental_lookback_hours), that it does not hold yet, or whose
    references may have turned (a row quarantined as an orphan, or accepted with a ticket or
    policy no longer accepted) are validated again and replace that ticket_id's rows
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
{{ cx_depends_on_demo_seed('ticket_sla_policies') }}
{%- set key_columns = ['ticket_id', 'applied_at_parsed'] -%}
with

received as {{ cx_cte_inlined() }} (

    {{ cx_read_raw('ticket_sla_policies') }}

),

tickets as (

    select ticket_id from {{ ref('base_cx__tickets') }}
    where reject_reason is null

),

sla_policy_targets as (

    select policy_id from {{ ref('base_cx__sla_policy_targets') }}
    where reject_reason is null

),

-- A policy is known when it has at least one target that will be staged (any priority, metric).
known_policies as (

    select distinct policy_id from sla_policy_targets

),

-- On incremental runs, the tickets whose raw rows are validated again (cx_keys_to_revalidate);
-- none on a full build.
ticket_sla_policies_to_check as (  -- noqa: ST03

    {{ cx_keys_to_revalidate(
        'received', 'ticket_id', 'applied_at', [['ticket_id', 'tickets'], ['policy_id', 'known_policies']]
    ) }}

),

-- On incremental runs, the raw rows of those tickets and the rows without a ticket_id
-- (cx_read_raw converts the other columns of those rows only), stored once; on a full build
-- every raw row.
ticket_sla_policies_received as {{ cx_cte_stored_on_incremental_runs() }} (

    {{ cx_raw_rows_to_validate('ticket_sla_policies', 'ticket_id', 'ticket_sla_policies_to_check') }}

),

-- applied_at parsed once: the key and the rules below read applied_at_parsed.
values_parsed as {{ cx_cte_inlined() }} (

    select
        *,
        {{ cx_try_cast('applied_at', 'timestamp') }} as applied_at_parsed

    from ticket_sla_policies_received

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
            when applied_at is null then 'null_key:applied_at'
            when policy_id is null then 'missing_required:policy_id'
            when {{ cx_is_unparseable('applied_at', 'timestamp', 'applied_at_parsed') }}
                then 'unparseable_value:applied_at'
            when {{ cx_is_implausible_timestamp('applied_at', 'applied_at_parsed') }}
                then 'implausible_timestamp:applied_at'
        end as broken_row_rule

    from keys_flagged

),

row_rules_ranked as (

    {{ cx_duplicates_ranked(
        'row_rules_checked',
        key_columns, 'broken_row_rule',
        ['ticket_id', 'policy_id', 'applied_at']
    ) }}

),

rules_checked as (

    select
        *,
        case
            when broken_row_rule is not null then broken_row_rule
            when duplicate_rank > 1 then 'duplicate_key:applied_at'
        end as broken_rule

    from row_rules_ranked

),

references_checked as (

    select
        rules_checked.*,
        case
            when rules_checked.broken_rule is not null then rules_checked.broken_rule
            when tickets.ticket_id is null then 'orphan_reference:ticket_id'
            when known_policies.policy_id is null then 'orphan_reference:policy_id'
        end as final_rule

    from rules_checked
    left join tickets
        on rules_checked.ticket_id = tickets.ticket_id
    left join known_policies
        on rules_checked.policy_id = known_policies.policy_id

),

final as (

    select
        ticket_id,
        policy_id,
        applied_at,
        _loaded_at,
        {{ cx_rejection_columns('final_rule') }}

    from references_checked

)

select * from final
