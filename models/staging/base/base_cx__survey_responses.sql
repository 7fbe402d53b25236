{#-
    Incremental (docs/incremental.md): on incremental runs, the raw rows of the responses that
    arrived or changed since this table's latest (lookback var cx_incremental_lookback_hours),
    that it does not hold yet, whose invitation, customer or ticket reference may have turned
    (quarantined as an orphan, or accepted with a parent no longer accepted:
    cx_keys_to_revalidate), or whose invitation has a row that arrived or changed since then
    (its sent_at decides timestamp_out_of_order) are validated again and replace that
    response_id's rows; rows without a response_id are validated every run (the pre-hook
    removes the previous ones).
-#}
{{ config(
    materialized=cx_incremental_materialized(),
    incremental_strategy='delete+insert',
    on_schema_change='append_new_columns',
    unique_key='response_id',
    pre_hook="{% if is_incremental() %}delete from {{ this }} where response_id is null{% endif %}",
) }}
{{ cx_depends_on_demo_seed('survey_responses') }}
{%- set key_columns = ['response_id'] -%}
with

received as {{ cx_cte_inlined() }} (

    {{ cx_read_raw('survey_responses') }}

),

base_cx__survey_invitations as (

    select * from {{ ref('base_cx__survey_invitations') }}

),

invitations as (

    select
        invitation_id,
        {{ cx_cast_validated('sent_at', 'timestamp') }} as sent_at

    from base_cx__survey_invitations
    where reject_reason is null

),

customers as (

    select * from {{ ref('base_cx__customers') }}
    where reject_reason is null

),

tickets as (

    select * from {{ ref('base_cx__tickets') }}
    where reject_reason is null

),

-- On incremental runs, the responses whose raw rows are validated again; none on a full build.
responses_to_check as (  -- noqa: ST03

    {{ cx_keys_to_revalidate(
        'received', 'response_id', ['responded_at', 'followed_up_at'],
        [['invitation_id', 'invitations'], ['customer_id', 'customers'], ['ticket_id', 'tickets']]
    ) }}
    {%- if is_incremental() %}

        union

        -- and every stored response whose invitation has a row that arrived or changed since
        -- this table's latest: its sent_at decides timestamp_out_of_order
        select validated.response_id
        from {{ this }} as validated
        inner join base_cx__survey_invitations as invitation_rows
            on validated.invitation_id = invitation_rows.invitation_id
        cross join {{ cx_previous_validation(cx_cast_validated('responded_at', 'timestamp')) }} as watermarks
        where {{ cx_changed_since_build(
            [cx_try_cast_unguarded('invitation_rows.sent_at', 'timestamp')], 'invitation_rows._loaded_at'
        ) }}
    {%- endif %}

),

-- On incremental runs, the raw rows of those responses and the rows without a response_id
-- (cx_read_raw converts the other columns of those rows only), stored once; on a full build
-- every raw row.
responses_received as {{ cx_cte_stored_on_incremental_runs() }} (

    {{ cx_raw_rows_to_validate('survey_responses', 'response_id', 'responses_to_check') }}

),

-- is_key_shared: another row holds the same key; cx_duplicates_ranked sorts only those rows.
-- The CTEs from received to row_rules_checked are inlined (cx_cte_inlined), so that the filters
-- on is_key_shared run before the rules and no row is stored on the way.
keys_flagged as {{ cx_cte_inlined() }} (

    {{ cx_key_shared_flagged('responses_received', key_columns) }}

),

-- Each value parsed once: the rules and the reference check below read the *_parsed columns.
values_parsed as {{ cx_cte_inlined() }} (

    select
        *,
        {{ cx_try_cast('score', 'integer') }} as score_parsed,
        {{ cx_try_cast('responded_at', 'timestamp') }} as responded_at_parsed,
        {{ cx_try_cast('followed_up_at', 'timestamp') }} as followed_up_at_parsed

    from keys_flagged

),

row_rules_checked as {{ cx_cte_inlined() }} (

    select
        *,
        case
            when response_id is null then 'null_key:response_id'
            when survey_type is null then 'missing_required:survey_type'
            when score is null then 'missing_required:score'
            when responded_at is null then 'missing_required:responded_at'
            when {{ cx_is_unparseable('score', 'integer', 'score_parsed') }} then 'unparseable_value:score'
            when {{ cx_is_unparseable('responded_at', 'timestamp', 'responded_at_parsed') }}
                then 'unparseable_value:responded_at'
            when {{ cx_is_unknown_enum('survey_type', var('cx_survey_types')) }} then 'unknown_enum:survey_type'
            when not {{ cx_score_in_range('score_parsed', 'lower(survey_type)') }}
                then 'out_of_range:score'
            when {{ cx_is_implausible_timestamp('responded_at', 'responded_at_parsed') }}
                then 'implausible_timestamp:responded_at'
        end as broken_row_rule,
        -- Optional field: a bad value nulls the field (field_values_rejected), the row is kept.
        case
            when {{ cx_is_unparseable('followed_up_at', 'timestamp', 'followed_up_at_parsed') }}
                then 'unparseable_value'
            when {{ cx_is_implausible_timestamp('followed_up_at', 'followed_up_at_parsed') }}
                then 'implausible_timestamp'
            when followed_up_at_parsed < responded_at_parsed
                then 'timestamp_out_of_order'
        end as followed_up_at_reject_reason

    from values_parsed

),

row_rules_ranked as (

    {{ cx_duplicates_ranked(
        'row_rules_checked',
        key_columns, 'broken_row_rule',
        ['response_id', 'invitation_id', 'customer_id', 'ticket_id', 'survey_type', 'score',
         'comment', 'responded_at', 'followed_up_at']
    ) }}

),

rules_checked as (

    select
        *,
        case
            when broken_row_rule is not null then broken_row_rule
            when duplicate_rank > 1 then 'duplicate_key:response_id'
        end as broken_rule

    from row_rules_ranked

),

references_checked as (

    select
        rules_checked.*,
        case
            when rules_checked.broken_rule is not null then rules_checked.broken_rule
            when rules_checked.invitation_id is not null and invitations.invitation_id is null
                then 'orphan_reference:invitation_id'
            when rules_checked.customer_id is not null and customers.customer_id is null
                then 'orphan_reference:customer_id'
            when rules_checked.ticket_id is not null and tickets.ticket_id is null
                then 'orphan_reference:ticket_id'
            when rules_checked.responded_at_parsed < invitations.sent_at
                then 'timestamp_out_of_order:responded_at'
        end as final_rule

    from rules_checked
    left join invitations
        on rules_checked.invitation_id = invitations.invitation_id
    left join customers
        on rules_checked.customer_id = customers.customer_id
    left join tickets
        on rules_checked.ticket_id = tickets.ticket_id

),

final as (

    select
        response_id,
        invitation_id,
        customer_id,
        ticket_id,
        survey_type,
        score,
        comment,
        responded_at,
        followed_up_at,
        _loaded_at,
        {{ cx_validated_at() }} as validated_at,
        {{ cx_rejection_columns('final_rule') }},
        followed_up_at_reject_reason

    from references_checked

)

select * from final
