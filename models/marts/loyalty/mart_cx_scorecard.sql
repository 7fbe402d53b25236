{#-
    The monthly CX scorecard (docs/metrics.md "Scorecard"): one row per UTC calendar month with CX
    activity (tickets created, survey responses or social conversations started) up to cx_as_of.
    Service figures follow fct_tickets, social figures fct_social_conversations, NPS/CSAT the
    survey responses, feedback completeness mart_feedback_completeness, churn the customers table.
    revenue_at_risk comes from the Python model mart_loyalty_impact where Python models run
    (cx_loyalty_impact: on DuckDB, which also tags this model python); on other engines it is
    null and the model stays pure SQL.
-#}
{{ config(contract={'enforced': true}) }}
{%- set window_minutes = var('cx_resolution_window_days') * 1440 %}

with

fct_tickets as (

    select * from {{ ref('fct_tickets') }}

),

fct_social_conversations as (

    select * from {{ ref('fct_social_conversations') }}

),

stg_cx__survey_responses as (

    select * from {{ ref('stg_cx__survey_responses') }}

),

mart_feedback_completeness as (

    select * from {{ ref('mart_feedback_completeness') }}

),

stg_cx__customers as (

    select * from {{ ref('stg_cx__customers') }}

),

int_as_of as (

    select * from {{ ref('int_as_of') }}

),

mart_loyalty_impact as (

    select * from {{ cx_loyalty_impact() }}

),

tickets_monthly as (

    select
        cast({{ dbt.date_trunc('month', 'fct_tickets.created_at') }} as date) as month_start_date,
        count(*) as tickets,
        {{ cx_percentile('fct_tickets.first_reply_minutes', 0.5) }} as median_first_reply_minutes,
        sum(case when fct_tickets.is_first_reply_sla_breached is not null then 1 else 0 end) as sla_measured_tickets,
        sum(case when fct_tickets.is_first_reply_sla_breached then 1 else 0 end) as sla_breached_tickets,
        sum(case when fct_tickets.first_resolution_minutes <= {{ window_minutes }} then 1 else 0 end)
            as tickets_solved_within_window

    from fct_tickets
    cross join int_as_of
    where fct_tickets.created_at <= int_as_of.as_of_at
    group by 1

),

surveys_monthly as (

    select
        cast({{ dbt.date_trunc('month', 'stg_cx__survey_responses.responded_at') }} as date) as month_start_date,
        sum(case when stg_cx__survey_responses.survey_type = 'nps' then 1 else 0 end) as nps_responses,
        sum(
            case
                when
                    stg_cx__survey_responses.survey_type = 'nps'
                    and {{ cx_nps_category('stg_cx__survey_responses.score') }} = 'promoter' then 1
                else 0
            end
        ) as nps_promoters,
        sum(
            case
                when
                    stg_cx__survey_responses.survey_type = 'nps'
                    and {{ cx_nps_category('stg_cx__survey_responses.score') }} = 'detractor' then 1
                else 0
            end
        ) as nps_detractors,
        sum(case when stg_cx__survey_responses.survey_type = 'csat' then 1 else 0 end) as csat_responses,
        sum(
            case
                when
                    stg_cx__survey_responses.survey_type = 'csat'
                    and {{ cx_is_csat_satisfied('stg_cx__survey_responses.score') }}
                    then 1
                else 0
            end
        ) as csat_satisfied

    from stg_cx__survey_responses
    cross join int_as_of
    where
        stg_cx__survey_responses.score is not null
        and stg_cx__survey_responses.responded_at <= int_as_of.as_of_at
    group by 1

),

conversations_monthly as (

    select
        cast({{ dbt.date_trunc('month', 'started_at') }} as date) as month_start_date,
        count(*) as social_conversations,
        sum(case when is_answered then 1 else 0 end) as answered_social_conversations

    from fct_social_conversations
    where
        not is_orphan_thread
        or {{ 'true' if var('cx_social_count_orphan_threads') else 'false' }}
    group by 1

),

feedback_monthly as (

    select
        cast({{ dbt.date_trunc('month', 'received_date') }} as date) as month_start_date,
        sum(items_received) as feedback_items_received,
        sum(items_accounted_for) as feedback_items_accounted_for

    from mart_feedback_completeness
    group by 1

),

months as (

    select month_start_date from tickets_monthly
    union
    select month_start_date from surveys_monthly
    union
    select month_start_date from conversations_monthly

),

months_bounded as (

    select
        month_start_date,
        {{ dbt.dateadd('month', 1, 'month_start_date') }} as next_month_start_date

    from months

),

churn_monthly as (

    select
        months_bounded.month_start_date,
        sum(
            case
                when
                    stg_cx__customers.signup_at < months_bounded.month_start_date
                    and (
                        stg_cx__customers.churned_at is null
                        or stg_cx__customers.churned_at >= months_bounded.month_start_date
                    )
                    then 1
                else 0
            end
        ) as customers_active_at_month_start,
        sum(
            case
                when
                    stg_cx__customers.churned_at >= months_bounded.month_start_date
                    and stg_cx__customers.churned_at < months_bounded.next_month_start_date
                    then 1
                else 0
            end
        ) as churned_customers

    from months_bounded
    cross join stg_cx__customers
    group by 1

),

revenue_at_risk_now as (

    select max(revenue_at_risk) as revenue_at_risk

    from mart_loyalty_impact
    where
        row_type = 'revenue_at_risk'
        and label = 'all'

),

final as (

    select
        months_bounded.month_start_date,
        cast(coalesce(tickets_monthly.tickets, 0) as {{ dbt.type_bigint() }}) as tickets,
        cast(tickets_monthly.median_first_reply_minutes as {{ dbt.type_numeric() }}) as median_first_reply_minutes,
        cast(
            1 - tickets_monthly.sla_breached_tickets * 1.0 / nullif(tickets_monthly.sla_measured_tickets, 0)
            as {{ dbt.type_numeric() }}
        ) as first_reply_sla_attainment_rate,
        cast(
            tickets_monthly.tickets_solved_within_window * 1.0 / nullif(tickets_monthly.tickets, 0)
            as {{ dbt.type_numeric() }}
        ) as resolution_rate,
        cast(coalesce(surveys_monthly.nps_responses, 0) as {{ dbt.type_bigint() }}) as nps_responses,
        cast(
            {{ cx_nps(
                'surveys_monthly.nps_promoters', 'surveys_monthly.nps_detractors', 'surveys_monthly.nps_responses'
            ) }}
            as {{ dbt.type_numeric() }}
        ) as nps,
        cast(coalesce(surveys_monthly.csat_responses, 0) as {{ dbt.type_bigint() }}) as csat_responses,
        cast(
            {{ cx_csat_share('surveys_monthly.csat_satisfied', 'surveys_monthly.csat_responses') }}
            as {{ dbt.type_numeric() }}
        ) as csat,
        cast(coalesce(conversations_monthly.social_conversations, 0) as {{ dbt.type_bigint() }})
            as social_conversations,
        cast(
            conversations_monthly.answered_social_conversations * 1.0
            / nullif(conversations_monthly.social_conversations, 0)
            as {{ dbt.type_numeric() }}
        ) as social_response_rate,
        cast(
            feedback_monthly.feedback_items_accounted_for * 1.0 / nullif(feedback_monthly.feedback_items_received, 0)
            as {{ dbt.type_numeric() }}
        ) as feedback_completeness_rate,
        cast(churn_monthly.customers_active_at_month_start as {{ dbt.type_bigint() }})
            as customers_active_at_month_start,
        cast(churn_monthly.churned_customers as {{ dbt.type_bigint() }}) as churned_customers,
        cast(
            churn_monthly.churned_customers * 1.0 / nullif(churn_monthly.customers_active_at_month_start, 0)
            as {{ dbt.type_numeric() }}
        ) as churn_rate,
        cast(
            case
                when months_bounded.month_start_date = max(months_bounded.month_start_date) over ()
                    then revenue_at_risk_now.revenue_at_risk
            end as {{ dbt.type_numeric() }}
        ) as revenue_at_risk,
        months_bounded.month_start_date = max(months_bounded.month_start_date) over () as is_latest_month

    from months_bounded
    left join tickets_monthly
        on months_bounded.month_start_date = tickets_monthly.month_start_date
    left join surveys_monthly
        on months_bounded.month_start_date = surveys_monthly.month_start_date
    left join conversations_monthly
        on months_bounded.month_start_date = conversations_monthly.month_start_date
    left join feedback_monthly
        on months_bounded.month_start_date = feedback_monthly.month_start_date
    left join churn_monthly
        on months_bounded.month_start_date = churn_monthly.month_start_date
    cross join revenue_at_risk_now

)

select * from final
