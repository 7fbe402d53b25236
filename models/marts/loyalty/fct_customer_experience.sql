{#-
    One row per customer in scope of the loyalty analysis: the customer's CX exposure in the
    observation window (the last cx_loyalty_window_days days to cx_as_of, before the customer
    churned) and the outcome (churned within cx_loyalty_churn_horizon_days of the latest CX
    contact). Pure SQL (portable); feedback sentiment is joined in the Python loyalty model.
    Choices are explained in DECISIONLOG.md ("Loyalty impact").
-#}
{{ config(contract={'enforced': true}) }}

{%- set window_days = var('cx_loyalty_window_days') | int %}
{%- set horizon_days = var('cx_loyalty_churn_horizon_days') | int %}
{%- set sla_clock = var('cx_loyalty_sla_clock') %}
{%- if sla_clock not in ('calendar', 'policy') %}
    {{ exceptions.raise_compiler_error("var cx_loyalty_sla_clock must be 'calendar' or 'policy', got " ~ sla_clock) }}
{%- endif %}

with

stg_cx__customers as (

    select * from {{ ref('stg_cx__customers') }}

),

stg_cx__survey_responses as (

    select * from {{ ref('stg_cx__survey_responses') }}

),

fct_tickets as (

    select * from {{ ref('fct_tickets') }}

),

fct_social_conversations as (

    select * from {{ ref('fct_social_conversations') }}

),

int_as_of as (

    select * from {{ ref('int_as_of') }}

),

customers_in_scope as (

    select
        stg_cx__customers.customer_id,
        stg_cx__customers.segment,
        stg_cx__customers.region,
        stg_cx__customers.is_incentivized,
        stg_cx__customers.signup_at,
        stg_cx__customers.churned_at,
        stg_cx__customers.annual_revenue,
        int_as_of.as_of_at,
        {{ dbt.dateadd('day', -window_days, 'int_as_of.as_of_at') }} as window_start_at

    from stg_cx__customers
    cross join int_as_of
    where
        coalesce(stg_cx__customers.signup_at <= int_as_of.as_of_at, true)
        and (
            stg_cx__customers.churned_at is null
            or stg_cx__customers.churned_at > {{ dbt.dateadd('day', -window_days, 'int_as_of.as_of_at') }}
        )

),

tickets_in_window as (

    select
        customers_in_scope.customer_id,
        fct_tickets.ticket_id,
        fct_tickets.created_at,
        fct_tickets.first_reply_minutes,
        fct_tickets.reopen_count,
        not fct_tickets.is_agent_created and fct_tickets.first_reply_target_minutes is not null
            as is_sla_eligible,
        case
            when fct_tickets.is_agent_created or fct_tickets.first_reply_target_minutes is null then null
            when fct_tickets.first_reply_at is not null
                then fct_tickets.first_reply_minutes > fct_tickets.first_reply_target_minutes
            else
                {{ cx_minutes_between('fct_tickets.created_at', 'customers_in_scope.as_of_at') }}
                > fct_tickets.first_reply_target_minutes
        end as is_first_reply_breached_calendar,
        fct_tickets.is_first_reply_sla_breached as is_first_reply_breached_policy

    from fct_tickets
    inner join customers_in_scope
        on fct_tickets.customer_id = customers_in_scope.customer_id
    where
        fct_tickets.created_at > customers_in_scope.window_start_at
        and fct_tickets.created_at <= customers_in_scope.as_of_at
        and (customers_in_scope.churned_at is null or fct_tickets.created_at < customers_in_scope.churned_at)

),

tickets_summarized as (

    select
        customer_id,
        count(*) as tickets,
        sum(case when is_sla_eligible then 1 else 0 end) as sla_eligible_tickets,
        sum(case when is_first_reply_breached_{{ sla_clock }} then 1 else 0 end) as sla_breached_tickets,
        {{ cx_percentile('first_reply_minutes', 0.5) }} as median_first_reply_minutes,
        sum(case when reopen_count > 0 then 1 else 0 end) as reopened_tickets,
        max(created_at) as last_ticket_at

    from tickets_in_window
    group by customer_id

),

conversations_in_window as (

    select
        customers_in_scope.customer_id,
        fct_social_conversations.conversation_id,
        fct_social_conversations.started_at,
        fct_social_conversations.is_answered

    from fct_social_conversations
    inner join customers_in_scope
        on fct_social_conversations.customer_id = customers_in_scope.customer_id
    where
        fct_social_conversations.started_at > customers_in_scope.window_start_at
        and fct_social_conversations.started_at <= customers_in_scope.as_of_at
        and (
            customers_in_scope.churned_at is null
            or fct_social_conversations.started_at < customers_in_scope.churned_at
        )

),

conversations_summarized as (

    select
        customer_id,
        count(*) as social_conversations,
        sum(case when is_answered then 0 else 1 end) as unanswered_social_conversations,
        max(started_at) as last_conversation_at

    from conversations_in_window
    group by customer_id

),

nps_responses_in_window as (

    select
        customers_in_scope.customer_id,
        stg_cx__survey_responses.score,
        stg_cx__survey_responses.responded_at,
        row_number() over (
            partition by customers_in_scope.customer_id
            order by stg_cx__survey_responses.responded_at desc, stg_cx__survey_responses.response_id desc
        ) as recency_rank

    from stg_cx__survey_responses
    inner join customers_in_scope
        on stg_cx__survey_responses.customer_id = customers_in_scope.customer_id
    where
        stg_cx__survey_responses.survey_type = 'nps'
        and stg_cx__survey_responses.score is not null
        and stg_cx__survey_responses.responded_at > customers_in_scope.window_start_at
        and stg_cx__survey_responses.responded_at <= customers_in_scope.as_of_at
        and (
            customers_in_scope.churned_at is null
            or stg_cx__survey_responses.responded_at < customers_in_scope.churned_at
        )

),

nps_summarized as (

    select
        customer_id,
        count(*) as nps_responses,
        max(case when recency_rank = 1 then score end) as latest_nps_score,
        max(responded_at) as last_nps_response_at

    from nps_responses_in_window
    group by customer_id

),

contacts as (

    select
        customer_id,
        last_ticket_at as contact_at
    from tickets_summarized
    union all
    select
        customer_id,
        last_conversation_at as contact_at
    from conversations_summarized
    union all
    select
        customer_id,
        last_nps_response_at as contact_at
    from nps_summarized

),

contacts_summarized as (

    select
        customer_id,
        max(contact_at) as last_contact_at

    from contacts
    group by customer_id

),

customers_joined as (

    select
        customers_in_scope.*,
        coalesce(tickets_summarized.tickets, 0) as tickets,
        coalesce(tickets_summarized.sla_eligible_tickets, 0) as sla_eligible_tickets,
        coalesce(tickets_summarized.sla_breached_tickets, 0) as sla_breached_tickets,
        tickets_summarized.median_first_reply_minutes,
        coalesce(tickets_summarized.reopened_tickets, 0) as reopened_tickets,
        coalesce(conversations_summarized.social_conversations, 0) as social_conversations,
        coalesce(conversations_summarized.unanswered_social_conversations, 0) as unanswered_social_conversations,
        coalesce(nps_summarized.nps_responses, 0) as nps_responses,
        nps_summarized.latest_nps_score,
        contacts_summarized.last_contact_at,
        coalesce(
            contacts_summarized.last_contact_at,
            case
                when customers_in_scope.signup_at > customers_in_scope.window_start_at
                    then customers_in_scope.signup_at
                else customers_in_scope.window_start_at
            end
        ) as horizon_start_at

    from customers_in_scope
    left join tickets_summarized
        on customers_in_scope.customer_id = tickets_summarized.customer_id
    left join conversations_summarized
        on customers_in_scope.customer_id = conversations_summarized.customer_id
    left join nps_summarized
        on customers_in_scope.customer_id = nps_summarized.customer_id
    left join contacts_summarized
        on customers_in_scope.customer_id = contacts_summarized.customer_id

),

experience_flagged as (

    select
        customers_joined.*,
        customers_joined.sla_breached_tickets > 0 as has_sla_breach,
        customers_joined.reopened_tickets > 0 as has_reopen,
        customers_joined.unanswered_social_conversations > 0 as has_unanswered_social,
        (case when customers_joined.sla_breached_tickets > 0 then 1 else 0 end)
        + (case when customers_joined.reopened_tickets > 0 then 1 else 0 end)
        + (case when customers_joined.unanswered_social_conversations > 0 then 1 else 0 end) as experience_issues

    from customers_joined

),

final as (

    select
        cast(customer_id as {{ dbt.type_string() }}) as customer_id,
        cast(segment as {{ dbt.type_string() }}) as segment,
        cast(region as {{ dbt.type_string() }}) as region,
        is_incentivized,
        cast(signup_at as {{ dbt.type_timestamp() }}) as signup_at,
        cast(churned_at as {{ dbt.type_timestamp() }}) as churned_at,
        cast(annual_revenue as {{ dbt.type_numeric() }}) as annual_revenue,
        cast(window_start_at as {{ dbt.type_timestamp() }}) as window_start_at,
        cast(as_of_at as {{ dbt.type_timestamp() }}) as as_of_at,
        cast(tickets as {{ dbt.type_bigint() }}) as tickets,
        cast(sla_eligible_tickets as {{ dbt.type_bigint() }}) as sla_eligible_tickets,
        cast(sla_breached_tickets as {{ dbt.type_bigint() }}) as sla_breached_tickets,
        has_sla_breach,
        cast(median_first_reply_minutes as {{ dbt.type_numeric() }}) as median_first_reply_minutes,
        cast(reopened_tickets as {{ dbt.type_bigint() }}) as reopened_tickets,
        has_reopen,
        cast(social_conversations as {{ dbt.type_bigint() }}) as social_conversations,
        cast(unanswered_social_conversations as {{ dbt.type_bigint() }}) as unanswered_social_conversations,
        has_unanswered_social,
        cast(nps_responses as {{ dbt.type_bigint() }}) as nps_responses,
        cast(latest_nps_score as {{ dbt.type_int() }}) as latest_nps_score,
        cast({{ cx_nps_category('latest_nps_score') }} as {{ dbt.type_string() }}) as latest_nps_category,
        coalesce({{ cx_nps_category('latest_nps_score') }} = 'detractor', false) as is_nps_detractor,
        cast(last_contact_at as {{ dbt.type_timestamp() }}) as last_contact_at,
        cast(experience_issues as {{ dbt.type_int() }}) as experience_issues,
        cast(
            case
                when tickets = 0 and social_conversations = 0 then 'no_contact'
                when experience_issues = 0 then 'smooth'
                when experience_issues = 1 then 'one_issue'
                else 'multiple_issues'
            end as {{ dbt.type_string() }}
        ) as experience_tier,
        coalesce(
            churned_at <= as_of_at
            and churned_at <= {{ dbt.dateadd('day', horizon_days, 'horizon_start_at') }},
            false
        ) as is_churned,
        coalesce(churned_at > as_of_at, true) as is_active_at_as_of

    from experience_flagged

)

select * from final
