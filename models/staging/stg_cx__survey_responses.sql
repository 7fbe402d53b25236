with

validated as (

    select * from {{ ref('base_cx__survey_responses') }}
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
        _loaded_at

    from validated

)

select * from final
