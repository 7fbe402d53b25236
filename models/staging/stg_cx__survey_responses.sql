{#-
    Incremental (docs/incremental.md): on incremental runs, only the rows that
    base_cx__survey_responses validated since this table's latest validated_at are staged again
    (cx_validated_since_staged); the pre-hook first deletes their keys, so a key quarantined now
    leaves staging.
-#}
{{ config(
    materialized=cx_incremental_materialized(),
    incremental_strategy='delete+insert',
    on_schema_change='append_new_columns',
    unique_key='response_id',
    pre_hook="{{ cx_delete_revalidated_keys('response_id', 'base_cx__survey_responses') }}",
) }}
with

base_cx__survey_responses as (

    select * from {{ ref('base_cx__survey_responses') }}
    {{- cx_validated_since_staged() }}

),

validated as (

    select * from base_cx__survey_responses
    where reject_reason is null

),

final as (

    select
        response_id,
        invitation_id,
        customer_id,
        ticket_id,
        lower(survey_type) as survey_type,
        {{ cx_cast_validated('score', 'integer') }} as score,
        comment,
        {{ cx_cast_validated('responded_at', 'timestamp') }} as responded_at,
        -- a field with a bad value (its *_reject_reason, field_values_rejected) is null
        case
            when followed_up_at_reject_reason is null then {{ cx_cast_validated('followed_up_at', 'timestamp') }}
        end as followed_up_at,
        _loaded_at,
        validated_at

    from validated

)

select * from final
