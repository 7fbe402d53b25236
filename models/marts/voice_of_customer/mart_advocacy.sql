{#-
    Voice of the customer for BI: one row per period (period_type from var cx_voc_periods, period_start)
    x survey_type x channel x segment. Invitations count in the period they were sent (with
    how many of them were answered by cx_as_of: the response rate of that cohort); responses
    count in the period they were answered. NPS, CSAT and CES come from the survey_scales macros.
-#}
with

fct_survey_responses as (

    select * from {{ ref('fct_survey_responses') }}

),

int_survey_invitations_responded as (

    select * from {{ ref('int_survey_invitations_responded') }}

),

stg_cx__customers as (

    select * from {{ ref('stg_cx__customers') }}

),

period_types as (

    {{ cx_period_types() }}

),

responses_in_periods as (

    select
        period_types.period_type,
        {{ cx_period_start('period_types.period_type', 'fct_survey_responses.responded_at') }} as period_start,
        fct_survey_responses.survey_type,
        fct_survey_responses.channel,
        coalesce(fct_survey_responses.segment, '(unknown)') as segment,
        fct_survey_responses.has_comment,
        fct_survey_responses.nps_category,
        fct_survey_responses.is_csat_satisfied,
        fct_survey_responses.ces_score,
        fct_survey_responses.needs_follow_up,
        fct_survey_responses.is_followed_up,
        fct_survey_responses.is_followed_up_within_target,
        case
            when fct_survey_responses.needs_follow_up then fct_survey_responses.follow_up_minutes
        end as needed_follow_up_minutes

    from fct_survey_responses
    cross join period_types

),

invitations_in_periods as (

    select
        period_types.period_type,
        {{ cx_period_start('period_types.period_type', 'int_survey_invitations_responded.sent_at') }} as period_start,
        int_survey_invitations_responded.survey_type,
        int_survey_invitations_responded.channel,
        coalesce(stg_cx__customers.segment, '(unknown)') as segment,
        int_survey_invitations_responded.is_responded

    from int_survey_invitations_responded
    cross join period_types
    left join stg_cx__customers
        on int_survey_invitations_responded.customer_id = stg_cx__customers.customer_id

),

responses_summarized as (

    select
        period_type,
        period_start,
        survey_type,
        channel,
        segment,
        count(*) as responses,
        sum(case when has_comment then 1 else 0 end) as responses_with_comment,
        sum(case when nps_category = 'promoter' then 1 else 0 end) as promoters,
        sum(case when nps_category = 'passive' then 1 else 0 end) as passives,
        sum(case when nps_category = 'detractor' then 1 else 0 end) as detractors,
        count(nps_category) as nps_responses,
        sum(case when is_csat_satisfied then 1 else 0 end) as csat_satisfied_responses,
        count(is_csat_satisfied) as csat_responses,
        sum(ces_score) as ces_score_sum,
        count(ces_score) as ces_responses,
        sum(case when needs_follow_up then 1 else 0 end) as follow_ups_needed,
        sum(case when needs_follow_up and is_followed_up then 1 else 0 end) as follow_ups_done,
        count(is_followed_up_within_target) as follow_ups_due,
        sum(case when is_followed_up_within_target then 1 else 0 end) as follow_ups_within_target,
        {{ cx_percentile('needed_follow_up_minutes', 0.5) }} as median_follow_up_minutes

    from responses_in_periods
    group by period_type, period_start, survey_type, channel, segment

),

invitations_summarized as (

    select
        period_type,
        period_start,
        survey_type,
        channel,
        segment,
        count(*) as invitations,
        sum(case when is_responded then 1 else 0 end) as invitations_responded

    from invitations_in_periods
    group by period_type, period_start, survey_type, channel, segment

),

cells as (

    select
        period_type,
        period_start,
        survey_type,
        channel,
        segment
    from responses_summarized
    union
    select
        period_type,
        period_start,
        survey_type,
        channel,
        segment
    from invitations_summarized

),

cells_measured as (

    select
        cells.period_type,
        cells.period_start,
        cells.survey_type,
        cells.channel,
        cells.segment,
        coalesce(invitations_summarized.invitations, 0) as invitations,
        coalesce(invitations_summarized.invitations_responded, 0) as invitations_responded,
        coalesce(responses_summarized.responses, 0) as responses,
        coalesce(responses_summarized.responses_with_comment, 0) as responses_with_comment,
        coalesce(responses_summarized.promoters, 0) as promoters,
        coalesce(responses_summarized.passives, 0) as passives,
        coalesce(responses_summarized.detractors, 0) as detractors,
        coalesce(responses_summarized.nps_responses, 0) as nps_responses,
        coalesce(responses_summarized.csat_satisfied_responses, 0) as csat_satisfied_responses,
        coalesce(responses_summarized.csat_responses, 0) as csat_responses,
        responses_summarized.ces_score_sum,
        coalesce(responses_summarized.ces_responses, 0) as ces_responses,
        coalesce(responses_summarized.follow_ups_needed, 0) as follow_ups_needed,
        coalesce(responses_summarized.follow_ups_done, 0) as follow_ups_done,
        coalesce(responses_summarized.follow_ups_due, 0) as follow_ups_due,
        coalesce(responses_summarized.follow_ups_within_target, 0) as follow_ups_within_target,
        responses_summarized.median_follow_up_minutes

    from cells
    left join responses_summarized
        on
            cells.period_type = responses_summarized.period_type
            and cells.period_start = responses_summarized.period_start
            and cells.survey_type = responses_summarized.survey_type
            and cells.channel = responses_summarized.channel
            and cells.segment = responses_summarized.segment
    left join invitations_summarized
        on
            cells.period_type = invitations_summarized.period_type
            and cells.period_start = invitations_summarized.period_start
            and cells.survey_type = invitations_summarized.survey_type
            and cells.channel = invitations_summarized.channel
            and cells.segment = invitations_summarized.segment

),

final as (

    select
        cast(period_type as {{ dbt.type_string() }}) as period_type,
        period_start,
        cast(survey_type as {{ dbt.type_string() }}) as survey_type,
        cast(channel as {{ dbt.type_string() }}) as channel,
        cast(segment as {{ dbt.type_string() }}) as segment,
        cast(invitations as {{ dbt.type_bigint() }}) as invitations,
        cast(invitations_responded as {{ dbt.type_bigint() }}) as invitations_responded,
        cast(1.0 * invitations_responded / nullif(invitations, 0) as {{ dbt.type_numeric() }}) as response_rate,
        cast(responses as {{ dbt.type_bigint() }}) as responses,
        cast(responses_with_comment as {{ dbt.type_bigint() }}) as responses_with_comment,
        cast(1.0 * responses_with_comment / nullif(responses, 0) as {{ dbt.type_numeric() }}) as comment_rate,
        cast(promoters as {{ dbt.type_bigint() }}) as promoters,
        cast(passives as {{ dbt.type_bigint() }}) as passives,
        cast(detractors as {{ dbt.type_bigint() }}) as detractors,
        cast({{ cx_nps('promoters', 'detractors', 'nps_responses') }} as {{ dbt.type_numeric() }}) as nps,
        cast(csat_satisfied_responses as {{ dbt.type_bigint() }}) as csat_satisfied_responses,
        cast(
            {{ cx_csat_share('csat_satisfied_responses', 'csat_responses') }} as {{ dbt.type_numeric() }}
        ) as csat_share,
        cast(ces_score_sum as {{ dbt.type_bigint() }}) as ces_score_sum,
        cast({{ cx_ces_mean('ces_score_sum', 'ces_responses') }} as {{ dbt.type_numeric() }}) as ces_mean,
        cast(follow_ups_needed as {{ dbt.type_bigint() }}) as follow_ups_needed,
        cast(follow_ups_done as {{ dbt.type_bigint() }}) as follow_ups_done,
        cast(1.0 * follow_ups_done / nullif(follow_ups_needed, 0) as {{ dbt.type_numeric() }}) as follow_up_rate,
        cast(follow_ups_due as {{ dbt.type_bigint() }}) as follow_ups_due,
        cast(follow_ups_within_target as {{ dbt.type_bigint() }}) as follow_ups_within_target,
        cast(
            1.0 * follow_ups_within_target / nullif(follow_ups_due, 0) as {{ dbt.type_numeric() }}
        ) as follow_up_within_target_rate,
        cast(median_follow_up_minutes as {{ dbt.type_numeric() }}) as median_follow_up_minutes

    from cells_measured

)

select * from final
