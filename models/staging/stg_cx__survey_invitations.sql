{#-
    Incremental (docs/incremental.md): on incremental runs, only the rows that
    base_cx__survey_invitations validated since this table's latest validated_at are staged again
    (cx_validated_since_staged); the pre-hook first deletes their keys, so a key quarantined now
    leaves staging.
-#}
{{ config(
    materialized=cx_incremental_materialized(),
    incremental_strategy='delete+insert',
    on_schema_change='append_new_columns',
    unique_key='invitation_id',
    pre_hook="{{ cx_delete_revalidated_keys('invitation_id', 'base_cx__survey_invitations') }}",
) }}
with

base_cx__survey_invitations as (

    select * from {{ ref('base_cx__survey_invitations') }}
    {{- cx_validated_since_staged() }}

),

validated as (

    select * from base_cx__survey_invitations
    where reject_reason is null

),

final as (

    select
        invitation_id,
        customer_id,
        ticket_id,
        lower(survey_type) as survey_type,
        lower(channel) as channel,
        {{ cx_cast_validated('sent_at', 'timestamp') }} as sent_at,
        _loaded_at,
        validated_at

    from validated

)

select * from final
