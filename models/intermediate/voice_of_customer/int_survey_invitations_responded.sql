{#-
    One row per survey invitation sent by cx_as_of, with whether (and when first) it was
    answered by cx_as_of: the invitation side of response rates (an invitation cohort: the
    invitations sent in a period and how many of them got an answer).
-#}
with

stg_cx__survey_invitations as (

    select * from {{ ref('stg_cx__survey_invitations') }}

),

stg_cx__survey_responses as (

    select * from {{ ref('stg_cx__survey_responses') }}

),

int_as_of as (

    select * from {{ ref('int_as_of') }}

),

responses_by_invitation as (

    select
        stg_cx__survey_responses.invitation_id,
        count(*) as responses,
        min(stg_cx__survey_responses.responded_at) as first_responded_at

    from stg_cx__survey_responses
    cross join int_as_of
    where
        stg_cx__survey_responses.invitation_id is not null
        and stg_cx__survey_responses.responded_at <= int_as_of.as_of_at
    group by stg_cx__survey_responses.invitation_id

),

final as (

    select
        stg_cx__survey_invitations.invitation_id,
        stg_cx__survey_invitations.customer_id,
        stg_cx__survey_invitations.ticket_id,
        stg_cx__survey_invitations.survey_type,
        coalesce(stg_cx__survey_invitations.channel, '(unknown)') as channel,
        stg_cx__survey_invitations.sent_at,
        coalesce(responses_by_invitation.responses, 0) as responses,
        responses_by_invitation.first_responded_at,
        responses_by_invitation.invitation_id is not null as is_responded

    from stg_cx__survey_invitations
    cross join int_as_of
    left join responses_by_invitation
        on stg_cx__survey_invitations.invitation_id = responses_by_invitation.invitation_id
    where stg_cx__survey_invitations.sent_at <= int_as_of.as_of_at

)

select * from final
