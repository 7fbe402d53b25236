{#-
    One row per survey response answered by cx_as_of, joined to its invitation (channel, sent
    time), with the per-answer survey metrics of docs/metrics.md computed by the survey_scales macros
    (NPS category, CSAT satisfied, CES score, closed-loop follow-up). An open-link answer (no
    invitation) gets the channel 'open_link'. A follow-up logged after cx_as_of is not known yet.
-#}
{%- set target_seconds = var('cx_closed_loop_target_minutes') * 60 -%}

with

stg_cx__survey_responses as (

    select * from {{ ref('stg_cx__survey_responses') }}

),

stg_cx__survey_invitations as (

    select * from {{ ref('stg_cx__survey_invitations') }}

),

int_as_of as (

    select * from {{ ref('int_as_of') }}

),

responses_joined_to_invitations as (

    select
        stg_cx__survey_responses.response_id,
        stg_cx__survey_responses.invitation_id,
        coalesce(stg_cx__survey_responses.customer_id, stg_cx__survey_invitations.customer_id) as customer_id,
        coalesce(stg_cx__survey_responses.ticket_id, stg_cx__survey_invitations.ticket_id) as ticket_id,
        stg_cx__survey_responses.survey_type,
        case
            when stg_cx__survey_responses.invitation_id is null then 'open_link'
            else coalesce(stg_cx__survey_invitations.channel, '(unknown)')
        end as channel,
        stg_cx__survey_invitations.sent_at as invited_at,
        stg_cx__survey_responses.responded_at,
        stg_cx__survey_responses.score,
        stg_cx__survey_responses.comment,
        case
            when stg_cx__survey_responses.followed_up_at <= int_as_of.as_of_at
                then stg_cx__survey_responses.followed_up_at
        end as followed_up_at,
        int_as_of.as_of_at

    from stg_cx__survey_responses
    cross join int_as_of
    left join stg_cx__survey_invitations
        on stg_cx__survey_responses.invitation_id = stg_cx__survey_invitations.invitation_id
    where stg_cx__survey_responses.responded_at <= int_as_of.as_of_at

),

responses_scored as (

    select
        response_id,
        invitation_id,
        customer_id,
        ticket_id,
        survey_type,
        channel,
        invited_at,
        responded_at,
        {{ dbt.datediff('invited_at', 'responded_at', 'second') }}
            as response_delay_seconds,
        score,
        case when survey_type = 'nps' then {{ cx_nps_category('score') }} end as nps_category,
        case when survey_type = 'csat' then {{ cx_is_csat_satisfied('score') }} end as is_csat_satisfied,
        case when survey_type = 'ces' then score end as ces_score,
        coalesce(trim(comment) <> '', false) as has_comment,
        {{ cx_needs_follow_up('score', 'survey_type') }} as needs_follow_up,
        followed_up_at,
        followed_up_at is not null as is_followed_up,
        {{ dbt.datediff('responded_at', 'followed_up_at', 'second') }}
            as follow_up_seconds,
        {{ dbt.datediff('responded_at', 'as_of_at', 'second') }}
            as seconds_since_response_at_as_of

    from responses_joined_to_invitations

),

final as (

    select
        response_id,
        invitation_id,
        customer_id,
        ticket_id,
        survey_type,
        channel,
        invited_at,
        responded_at,
        response_delay_seconds,
        score,
        nps_category,
        is_csat_satisfied,
        ces_score,
        has_comment,
        needs_follow_up,
        followed_up_at,
        is_followed_up,
        follow_up_seconds,
        case
            when not coalesce(needs_follow_up, false) then null
            when is_followed_up then follow_up_seconds <= {{ target_seconds }}
            when seconds_since_response_at_as_of > {{ target_seconds }} then false
        end as is_followed_up_within_target

    from responses_scored

)

select * from final
