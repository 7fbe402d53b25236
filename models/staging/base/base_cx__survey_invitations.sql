{#-
    Incremental (docs/incremental.md): on incremental runs, the raw rows of the invitations that
    arrived or changed since this table's latest (lookback var cx_incremental_lookback_hours),
    that it does not hold yet, or whose customer or ticket reference may have turned
    (quarantined as an orphan, or accepted with a parent no longer accepted) are validated again
    and replace that invitation_id's rows (cx_keys_to_revalidate); rows without an
    invitation_id are validated every run (the pre-hook removes the previous ones).
-#}
{{ config(
    materialized=cx_incremental_materialized(),
    incremental_strategy='delete+insert',
    on_schema_change='append_new_columns',
    unique_key='invitation_id',
    pre_hook="{% if is_incremental() %}delete from {{ this }} where invitation_id is null{% endif %}",
) }}
{{ cx_depends_on_demo_seed('survey_invitations') }}
{%- set key_columns = ['invitation_id'] -%}
with

received as {{ cx_cte_inlined() }} (

    {{ cx_read_raw('survey_invitations') }}

),

customers as (

    select * from {{ ref('base_cx__customers') }}
    where reject_reason is null

),

tickets as (

    select * from {{ ref('base_cx__tickets') }}
    where reject_reason is null

),

-- On incremental runs, the invitations whose raw rows are validated again
-- (cx_keys_to_revalidate); none on a full build.
invitations_to_check as (  -- noqa: ST03

    {{ cx_keys_to_revalidate(
        'received', 'invitation_id', 'sent_at', [['customer_id', 'customers'], ['ticket_id', 'tickets']]
    ) }}

),

-- On incremental runs, the raw rows of those invitations and the rows without an invitation_id
-- (cx_read_raw converts the other columns of those rows only), stored once; on a full build
-- every raw row.
invitations_received as {{ cx_cte_stored_on_incremental_runs() }} (

    {{ cx_raw_rows_to_validate('survey_invitations', 'invitation_id', 'invitations_to_check') }}

),

-- is_key_shared: another row holds the same key; cx_duplicates_ranked sorts only those rows.
-- The CTEs from received to row_rules_checked are inlined (cx_cte_inlined), so that the filters
-- on is_key_shared run before the rules and no row is stored on the way.
keys_flagged as {{ cx_cte_inlined() }} (

    {{ cx_key_shared_flagged('invitations_received', key_columns) }}

),

-- sent_at parsed once: the rules below read sent_at_parsed.
values_parsed as {{ cx_cte_inlined() }} (

    select
        *,
        {{ cx_try_cast('sent_at', 'timestamp') }} as sent_at_parsed

    from keys_flagged

),

row_rules_checked as {{ cx_cte_inlined() }} (

    select
        *,
        case
            when invitation_id is null then 'null_key:invitation_id'
            when customer_id is null then 'missing_required:customer_id'
            when survey_type is null then 'missing_required:survey_type'
            when sent_at is null then 'missing_required:sent_at'
            when {{ cx_is_unparseable('sent_at', 'timestamp', 'sent_at_parsed') }} then 'unparseable_value:sent_at'
            when {{ cx_is_unknown_enum('survey_type', var('cx_survey_types')) }} then 'unknown_enum:survey_type'
            when {{ cx_is_implausible_timestamp('sent_at', 'sent_at_parsed') }} then 'implausible_timestamp:sent_at'
        end as broken_row_rule

    from values_parsed

),

row_rules_ranked as (

    {{ cx_duplicates_ranked(
        'row_rules_checked',
        key_columns, 'broken_row_rule',
        ['invitation_id', 'customer_id', 'ticket_id', 'survey_type', 'channel', 'sent_at']
    ) }}

),

rules_checked as (

    select
        *,
        case
            when broken_row_rule is not null then broken_row_rule
            when duplicate_rank > 1 then 'duplicate_key:invitation_id'
        end as broken_rule

    from row_rules_ranked

),

references_checked as (

    select
        rules_checked.*,
        case
            when rules_checked.broken_rule is not null then rules_checked.broken_rule
            when customers.customer_id is null then 'orphan_reference:customer_id'
            when rules_checked.ticket_id is not null and tickets.ticket_id is null
                then 'orphan_reference:ticket_id'
        end as final_rule

    from rules_checked
    left join customers
        on rules_checked.customer_id = customers.customer_id
    left join tickets
        on rules_checked.ticket_id = tickets.ticket_id

),

final as (

    select
        invitation_id,
        customer_id,
        ticket_id,
        survey_type,
        channel,
        sent_at,
        _loaded_at,
        {{ cx_validated_at() }} as validated_at,
        {{ cx_rejection_columns('final_rule') }}

    from references_checked

)

select * from final
