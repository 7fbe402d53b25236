with

validated as (

    select * from {{ ref('base_cx__survey_invitations') }}
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
        _loaded_at

    from validated

)

select * from final
