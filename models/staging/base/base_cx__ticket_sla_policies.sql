{{ cx_depends_on_demo_seed('ticket_sla_policies') }}
{%- set key_columns = ['ticket_id', 'applied_at_parsed'] -%}
with

received as {{ cx_cte_inlined() }} (

    {{ cx_read_raw('ticket_sla_policies') }}

),

-- applied_at parsed once: the key and the rules below read applied_at_parsed.
values_parsed as {{ cx_cte_inlined() }} (

    select
        *,
        {{ cx_try_cast('applied_at', 'timestamp') }} as applied_at_parsed

    from received

),

-- is_key_shared: another row holds the same key; cx_duplicates_ranked sorts only those rows.
-- The CTEs from received to row_rules_checked are inlined (cx_cte_inlined), so that the filters
-- on is_key_shared run before the rules and no row is stored on the way.
keys_flagged as {{ cx_cte_inlined() }} (

    {{ cx_key_shared_flagged('values_parsed', key_columns) }}

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
