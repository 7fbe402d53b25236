{#-
    One row per inbound feedback item received by the build's "now" (int_as_of): every ticket
    (fct_tickets), every survey response (stg_cx__survey_responses) and every customer social
    conversation (fct_social_conversations; orphan threads only when cx_social_count_orphan_threads,
    as in mart_social_responsiveness). Each item is in exactly one feedback_state:
    accounted_for, open_within_target or open_past_target. Definitions: DECISIONLOG.md
    "Data quality gate" and models/marts/quality/_quality__docs.md.
-#}
{%- set ticket_target_minutes = var('cx_feedback_ticket_target_hours') * 60 -%}
{%- set survey_target_minutes = var('cx_closed_loop_target_minutes') -%}
{%- set social_target_minutes = var('cx_feedback_social_target_hours') * 60 -%}

with

fct_tickets as (

    select * from {{ ref('fct_tickets') }}

),

stg_cx__survey_responses as (

    select * from {{ ref('stg_cx__survey_responses') }}

),

fct_social_conversations as (

    select * from {{ ref('fct_social_conversations') }}

),

int_as_of as (

    select * from {{ ref('int_as_of') }}

),

tickets_received as (

    select
        'ticket' as feedback_channel,
        fct_tickets.ticket_id as source_id,
        fct_tickets.channel as feedback_source,
        fct_tickets.customer_id,
        fct_tickets.created_at as received_at,
        case when fct_tickets.is_solved then fct_tickets.last_solved_at end as accounted_at,
        case when fct_tickets.is_solved then 'solved' end as accounted_by,
        true as needs_action,
        -- the SLA resolution target when it is measured (business or calendar as that target
        -- counts), else the default target (calendar)
        case
            when fct_tickets.is_resolution_sla_breached is not null then fct_tickets.resolution_target_minutes
            else {{ ticket_target_minutes }}
        end as target_minutes,
        coalesce(
            fct_tickets.is_resolution_sla_breached is not null and fct_tickets.is_resolution_sla_in_business_hours,
            false
        ) as is_target_in_business_hours,
        case
            when fct_tickets.is_solved then false
            when fct_tickets.is_resolution_sla_breached is not null then fct_tickets.is_resolution_sla_breached
            else fct_tickets.unsolved_age_minutes > {{ ticket_target_minutes }}
        end as is_past_target,
        int_as_of.as_of_at

    from fct_tickets
    cross join int_as_of
    where fct_tickets.created_at <= int_as_of.as_of_at

),

survey_responses_classified as (

    select
        stg_cx__survey_responses.*,
        int_as_of.as_of_at,
        coalesce(stg_cx__survey_responses.followed_up_at <= int_as_of.as_of_at, false) as is_followed_up,
        coalesce(
            {{ cx_needs_follow_up('stg_cx__survey_responses.score', 'stg_cx__survey_responses.survey_type') }},
            false
        ) as needs_follow_up

    from stg_cx__survey_responses
    cross join int_as_of
    where stg_cx__survey_responses.responded_at <= int_as_of.as_of_at

),

survey_responses_received as (

    select
        'survey' as feedback_channel,
        response_id as source_id,
        survey_type as feedback_source,
        customer_id,
        responded_at as received_at,
        case
            when is_followed_up then followed_up_at
            when not needs_follow_up then responded_at
        end as accounted_at,
        case
            when is_followed_up then 'followed_up'
            when not needs_follow_up then 'no_follow_up_needed'
        end as accounted_by,
        needs_follow_up as needs_action,
        case when needs_follow_up then {{ survey_target_minutes }} end as target_minutes,
        false as is_target_in_business_hours,
        needs_follow_up
        and not is_followed_up
        and {{ cx_minutes_between('responded_at', 'as_of_at') }} > {{ survey_target_minutes }} as is_past_target,
        as_of_at

    from survey_responses_classified

),

social_conversations_received as (

    select
        'social' as feedback_channel,
        fct_social_conversations.conversation_id as source_id,
        fct_social_conversations.platform as feedback_source,
        fct_social_conversations.customer_id,
        fct_social_conversations.started_at as received_at,
        fct_social_conversations.first_brand_reply_at as accounted_at,
        case when fct_social_conversations.is_answered then 'answered' end as accounted_by,
        true as needs_action,
        {{ social_target_minutes }} as target_minutes,
        false as is_target_in_business_hours,
        not fct_social_conversations.is_answered
        and {{ cx_minutes_between('fct_social_conversations.started_at', 'int_as_of.as_of_at') }}
        > {{ social_target_minutes }} as is_past_target,
        int_as_of.as_of_at

    from fct_social_conversations
    cross join int_as_of
    where
        fct_social_conversations.started_at <= int_as_of.as_of_at
        {%- if not var('cx_social_count_orphan_threads', false) %}
            and not fct_social_conversations.is_orphan_thread
        {%- endif %}

),

items_unioned as (

    select * from tickets_received
    union all
    select * from survey_responses_received
    union all
    select * from social_conversations_received

),

final as (

    select
        cast(feedback_channel || ':' || source_id as {{ dbt.type_string() }}) as feedback_item_id,
        cast(feedback_channel as {{ dbt.type_string() }}) as feedback_channel,
        cast(source_id as {{ dbt.type_string() }}) as source_id,
        cast(feedback_source as {{ dbt.type_string() }}) as feedback_source,
        cast(customer_id as {{ dbt.type_string() }}) as customer_id,
        cast(received_at as {{ dbt.type_timestamp() }}) as received_at,
        cast(received_at as date) as received_date,
        needs_action,
        cast(accounted_at as {{ dbt.type_timestamp() }}) as accounted_at,
        cast(accounted_by as {{ dbt.type_string() }}) as accounted_by,
        cast(target_minutes as {{ dbt.type_numeric() }}) as target_minutes,
        is_target_in_business_hours,
        {#- The case is inside the cast so the column keeps decimal(28,6) on every engine. #}
        {{ cx_minutes_between('received_at', 'case when accounted_by is null then as_of_at end') }}
            as open_minutes,
        cast(
            case
                when accounted_by is not null then 'accounted_for'
                when is_past_target then 'open_past_target'
                else 'open_within_target'
            end as {{ dbt.type_string() }}
        ) as feedback_state,
        cast(as_of_at as {{ dbt.type_timestamp() }}) as as_of_at

    from items_unioned

)

select * from final
