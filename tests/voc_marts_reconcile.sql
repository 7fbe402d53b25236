{#-
    The voice-of-the-customer marts add up: every staged response answered by cx_as_of is one
    row of fct_survey_responses; for each period type, mart_advocacy counts every response and
    every invitation exactly once, and its promoters + passives + detractors are the NPS
    answers; mart_advocacy_by_service_experience places every NPS answer exactly once per
    contact type. Returns one row per check that fails.
-#}
with

stg_cx__survey_responses as (

    select * from {{ ref('stg_cx__survey_responses') }}

),

int_as_of as (

    select * from {{ ref('int_as_of') }}

),

int_survey_invitations_responded as (

    select * from {{ ref('int_survey_invitations_responded') }}

),

fct_survey_responses as (

    select * from {{ ref('fct_survey_responses') }}

),

mart_advocacy as (

    select * from {{ ref('mart_advocacy') }}

),

mart_advocacy_by_service_experience as (

    select * from {{ ref('mart_advocacy_by_service_experience') }}

),

period_types as (

    {{ cx_period_types() }}

),

contact_types as (

    select 'social_conversation' as contact_type
    union all
    select 'ticket' as contact_type
    union all
    select 'any' as contact_type

),

advocacy_by_period as (

    select
        period_type,
        sum(responses) as responses,
        sum(invitations) as invitations,
        sum(promoters + passives + detractors) as nps_answers

    from mart_advocacy
    group by period_type

),

experience_by_period as (

    select
        period_type,
        contact_type,
        sum(nps_responses) as nps_responses,
        sum(responses_after_answered + responses_after_unanswered + responses_without_contact) as placed_responses

    from mart_advocacy_by_service_experience
    group by period_type, contact_type

),

checks as (

    select
        'staged responses by as_of = fct_survey_responses' as check_name,
        (
            select count(*)
            from stg_cx__survey_responses
            cross join int_as_of
            where stg_cx__survey_responses.responded_at <= int_as_of.as_of_at
        ) as expected_rows,
        (select count(*) from fct_survey_responses) as actual_rows

    union all

    select
        'mart_advocacy responses, ' || period_types.period_type as check_name,
        (select count(*) from fct_survey_responses) as expected_rows,
        coalesce(advocacy_by_period.responses, 0) as actual_rows

    from period_types
    left join advocacy_by_period
        on period_types.period_type = advocacy_by_period.period_type

    union all

    select
        'mart_advocacy invitations, ' || period_types.period_type as check_name,
        (select count(*) from int_survey_invitations_responded) as expected_rows,
        coalesce(advocacy_by_period.invitations, 0) as actual_rows

    from period_types
    left join advocacy_by_period
        on period_types.period_type = advocacy_by_period.period_type

    union all

    select
        'mart_advocacy NPS categories, ' || period_types.period_type as check_name,
        (
            select count(*)
            from fct_survey_responses
            where survey_type = 'nps'
        ) as expected_rows,
        coalesce(advocacy_by_period.nps_answers, 0) as actual_rows

    from period_types
    left join advocacy_by_period
        on period_types.period_type = advocacy_by_period.period_type

    union all

    select
        'service experience answers, ' || period_types.period_type || ', ' || contact_types.contact_type
            as check_name,
        (
            select count(*)
            from fct_survey_responses
            where survey_type = 'nps'
        ) as expected_rows,
        coalesce(experience_by_period.nps_responses, 0) as actual_rows

    from period_types
    cross join contact_types
    left join experience_by_period
        on
            period_types.period_type = experience_by_period.period_type
            and contact_types.contact_type = experience_by_period.contact_type

    union all

    select
        'service experience placement, ' || period_type || ', ' || contact_type as check_name,
        nps_responses as expected_rows,
        placed_responses as actual_rows

    from experience_by_period

),

final as (

    select * from checks
    where expected_rows <> actual_rows

)

select * from final
