{{ cx_depends_on_demo_seed('survey_responses') }}
{%- set key_columns = ['response_id'] -%}
with

received as {{ cx_cte_inlined() }} (

    {{ cx_read_raw('survey_responses') }}

),

-- is_key_shared: another row holds the same key; cx_duplicates_ranked sorts only those rows.
-- The CTEs from received to row_rules_checked are inlined (cx_cte_inlined), so that the filters
-- on is_key_shared run before the rules and no row is stored on the way.
keys_flagged as {{ cx_cte_inlined() }} (

    {{ cx_key_shared_flagged('received', key_columns) }}

),

invitations as (

    select
        invitation_id,
        {{ cx_cast_validated('sent_at', 'timestamp') }} as sent_at

    from {{ ref('base_cx__survey_invitations') }}
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
        {{ cx_rejection_columns('final_rule') }},
        followed_up_at_reject_reason

    from references_checked

)

select * from final
