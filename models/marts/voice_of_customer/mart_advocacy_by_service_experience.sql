{#-
    Advocacy by service experience (docs/metrics.md: what an answer is worth): one row per period
    (period_type from var cx_voc_periods, period_start) x contact_type, over NPS responses. Each response
    is placed by the respondent's most recent contact before answering (contact_type
    social_conversation: the latest linked social conversation; ticket: the latest
    customer-created ticket; any: whichever of the two is later): answered by then, not
    answered, or no such contact. promoter_gap_points = 100 x (promoter share after an answered
    contact - promoter share after an unanswered one).
-#}
with

fct_survey_responses as (

    select * from {{ ref('fct_survey_responses') }}

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

nps_responses_placed as (

    select
        period_types.period_type,
        {{ cx_period_start('period_types.period_type', 'fct_survey_responses.responded_at') }} as period_start,
        contact_types.contact_type,
        fct_survey_responses.nps_category,
        case contact_types.contact_type
            when 'social_conversation' then fct_survey_responses.is_latest_conversation_answered
            when 'ticket' then fct_survey_responses.is_latest_ticket_replied
            else fct_survey_responses.is_latest_contact_answered
        end as is_latest_contact_answered

    from fct_survey_responses
    cross join period_types
    cross join contact_types
    where fct_survey_responses.nps_category is not null

),

periods_summarized as (

    select
        period_type,
        period_start,
        contact_type,
        count(*) as nps_responses,
        sum(case when is_latest_contact_answered then 1 else 0 end) as responses_after_answered,
        sum(
            case when is_latest_contact_answered and nps_category = 'promoter' then 1 else 0 end
        ) as promoters_after_answered,
        sum(
            case when is_latest_contact_answered and nps_category = 'detractor' then 1 else 0 end
        ) as detractors_after_answered,
        sum(case when not is_latest_contact_answered then 1 else 0 end) as responses_after_unanswered,
        sum(
            case when not is_latest_contact_answered and nps_category = 'promoter' then 1 else 0 end
        ) as promoters_after_unanswered,
        sum(
            case when not is_latest_contact_answered and nps_category = 'detractor' then 1 else 0 end
        ) as detractors_after_unanswered,
        sum(case when is_latest_contact_answered is null then 1 else 0 end) as responses_without_contact,
        sum(
            case when is_latest_contact_answered is null and nps_category = 'promoter' then 1 else 0 end
        ) as promoters_without_contact

    from nps_responses_placed
    group by period_type, period_start, contact_type

),

shares_computed as (

    select
        *,
        1.0 * promoters_after_answered / nullif(responses_after_answered, 0) as promoter_share_after_answered,
        1.0 * promoters_after_unanswered / nullif(responses_after_unanswered, 0) as promoter_share_after_unanswered,
        1.0 * promoters_without_contact / nullif(responses_without_contact, 0) as promoter_share_without_contact

    from periods_summarized

),

final as (

    select
        cast(period_type as {{ dbt.type_string() }}) as period_type,
        period_start,
        cast(contact_type as {{ dbt.type_string() }}) as contact_type,
        cast(nps_responses as {{ dbt.type_bigint() }}) as nps_responses,
        cast(responses_after_answered as {{ dbt.type_bigint() }}) as responses_after_answered,
        cast(promoters_after_answered as {{ dbt.type_bigint() }}) as promoters_after_answered,
        cast(promoter_share_after_answered as {{ dbt.type_numeric() }}) as promoter_share_after_answered,
        cast(
            {{ cx_nps('promoters_after_answered', 'detractors_after_answered', 'responses_after_answered') }}
            as {{ dbt.type_numeric() }}
        ) as nps_after_answered,
        cast(responses_after_unanswered as {{ dbt.type_bigint() }}) as responses_after_unanswered,
        cast(promoters_after_unanswered as {{ dbt.type_bigint() }}) as promoters_after_unanswered,
        cast(promoter_share_after_unanswered as {{ dbt.type_numeric() }}) as promoter_share_after_unanswered,
        cast(
            {{ cx_nps('promoters_after_unanswered', 'detractors_after_unanswered', 'responses_after_unanswered') }}
            as {{ dbt.type_numeric() }}
        ) as nps_after_unanswered,
        cast(responses_without_contact as {{ dbt.type_bigint() }}) as responses_without_contact,
        cast(promoters_without_contact as {{ dbt.type_bigint() }}) as promoters_without_contact,
        cast(promoter_share_without_contact as {{ dbt.type_numeric() }}) as promoter_share_without_contact,
        cast(
            100.0 * (promoter_share_after_answered - promoter_share_after_unanswered) as {{ dbt.type_numeric() }}
        ) as promoter_gap_points

    from shares_computed

)

select * from final
