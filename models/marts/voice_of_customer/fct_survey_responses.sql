{#-
    One row per survey response answered by cx_as_of (NPS, CSAT, CES): the score and its
    meaning, the channel and the customer's segment, the linked ticket's service facts, the
    closed loop, and the customer's most recent contact before answering (social conversation
    or ticket) and whether it had been answered by then. Incremental (docs/incremental.md):
    rebuilds the responses of int_survey_responses_to_rebuild; the pre-hook first removes the
    responses that are no longer staged (a new row quarantined one: they have no new row to
    replace the old).
-#}
{{ config(
    materialized=cx_incremental_materialized(),
    incremental_strategy='delete+insert',
    on_schema_change='append_new_columns',
    unique_key='response_id',
    pre_hook="{% if is_incremental() %}delete from {{ this }} where response_id not in (
        select response_id from {{ ref('int_survey_responses_joined_to_invitations') }}
    ){% endif %}",
) }}
with

int_survey_responses_joined_to_invitations as (

    select * from {{ ref('int_survey_responses_joined_to_invitations') }}
    {{- cx_rebuild_filter('response_id', 'int_survey_responses_to_rebuild') }}

),

stg_cx__customers as (

    select * from {{ ref('stg_cx__customers') }}

),

fct_tickets as (

    select * from {{ ref('fct_tickets') }}

),

fct_social_conversations as (

    select * from {{ ref('fct_social_conversations') }}

),

customer_conversations as (

    select
        conversation_id,
        customer_id,
        started_at,
        first_brand_reply_at

    from fct_social_conversations
    where
        customer_id is not null
        {%- if not var('cx_social_count_orphan_threads') %}
            and not is_orphan_thread
        {%- endif %}

),

customer_tickets as (

    select
        ticket_id,
        customer_id,
        created_at,
        first_reply_at

    from fct_tickets
    where customer_id is not null and not is_agent_created

),

conversations_before_responses as (

    select
        int_survey_responses_joined_to_invitations.response_id,
        customer_conversations.conversation_id,
        customer_conversations.started_at,
        coalesce(
            customer_conversations.first_brand_reply_at < int_survey_responses_joined_to_invitations.responded_at,
            false
        ) as is_answered_before_response,
        row_number() over (
            partition by int_survey_responses_joined_to_invitations.response_id
            order by customer_conversations.started_at desc, customer_conversations.conversation_id desc
        ) as recency_rank

    from int_survey_responses_joined_to_invitations
    inner join customer_conversations
        on
            int_survey_responses_joined_to_invitations.customer_id = customer_conversations.customer_id
            and int_survey_responses_joined_to_invitations.responded_at > customer_conversations.started_at

),

tickets_before_responses as (

    select
        int_survey_responses_joined_to_invitations.response_id,
        customer_tickets.ticket_id,
        customer_tickets.created_at,
        coalesce(
            customer_tickets.first_reply_at < int_survey_responses_joined_to_invitations.responded_at,
            false
        ) as is_replied_before_response,
        row_number() over (
            partition by int_survey_responses_joined_to_invitations.response_id
            order by customer_tickets.created_at desc, customer_tickets.ticket_id desc
        ) as recency_rank

    from int_survey_responses_joined_to_invitations
    inner join customer_tickets
        on
            int_survey_responses_joined_to_invitations.customer_id = customer_tickets.customer_id
            and int_survey_responses_joined_to_invitations.responded_at > customer_tickets.created_at

),

latest_conversations as (

    select * from conversations_before_responses
    where recency_rank = 1

),

latest_tickets as (

    select * from tickets_before_responses
    where recency_rank = 1

),

responses_joined as (

    select
        int_survey_responses_joined_to_invitations.*,
        stg_cx__customers.segment,
        fct_tickets.first_reply_at is not null as is_ticket_replied,
        fct_tickets.first_reply_minutes as ticket_first_reply_minutes,
        fct_tickets.is_first_reply_sla_breached as is_ticket_first_reply_sla_breached,
        {{ cx_is_any_sla_breached('fct_tickets.') }} as is_ticket_sla_breached,
        fct_tickets.is_solved as is_ticket_solved,
        fct_tickets.reopen_count as ticket_reopen_count,
        fct_tickets.ticket_id is not null as has_ticket,
        latest_conversations.conversation_id as latest_conversation_id,
        latest_conversations.started_at as latest_conversation_started_at,
        latest_conversations.is_answered_before_response as is_latest_conversation_answered,
        latest_tickets.ticket_id as latest_ticket_id,
        latest_tickets.created_at as latest_ticket_created_at,
        latest_tickets.is_replied_before_response as is_latest_ticket_replied

    from int_survey_responses_joined_to_invitations
    left join stg_cx__customers
        on int_survey_responses_joined_to_invitations.customer_id = stg_cx__customers.customer_id
    left join fct_tickets
        on int_survey_responses_joined_to_invitations.ticket_id = fct_tickets.ticket_id
    left join latest_conversations
        on int_survey_responses_joined_to_invitations.response_id = latest_conversations.response_id
    left join latest_tickets
        on int_survey_responses_joined_to_invitations.response_id = latest_tickets.response_id

),

latest_contacts_chosen as (

    select
        *,
        case
            when
                latest_ticket_id is not null
                and (latest_conversation_id is null or latest_ticket_created_at >= latest_conversation_started_at)
                then 'ticket'
            when latest_conversation_id is not null then 'social_conversation'
        end as latest_contact_type

    from responses_joined

),

final as (

    select
        cast(response_id as {{ dbt.type_string() }}) as response_id,
        cast(invitation_id as {{ dbt.type_string() }}) as invitation_id,
        cast(customer_id as {{ dbt.type_string() }}) as customer_id,
        cast(segment as {{ dbt.type_string() }}) as segment,
        cast(survey_type as {{ dbt.type_string() }}) as survey_type,
        cast(channel as {{ dbt.type_string() }}) as channel,
        cast(invited_at as {{ dbt.type_timestamp() }}) as invited_at,
        cast(responded_at as {{ dbt.type_timestamp() }}) as responded_at,
        cast(responded_at as date) as responded_date,
        cast(response_delay_seconds / 60.0 as {{ dbt.type_numeric() }}) as response_delay_minutes,
        cast(score as {{ dbt.type_int() }}) as score,
        cast(nps_category as {{ dbt.type_string() }}) as nps_category,
        is_csat_satisfied,
        cast(ces_score as {{ dbt.type_int() }}) as ces_score,
        has_comment,
        cast(ticket_id as {{ dbt.type_string() }}) as ticket_id,
        case when has_ticket then is_ticket_replied end as is_ticket_replied,
        cast(ticket_first_reply_minutes as {{ dbt.type_numeric() }}) as ticket_first_reply_minutes,
        is_ticket_first_reply_sla_breached,
        is_ticket_sla_breached,
        is_ticket_solved,
        cast(ticket_reopen_count as {{ dbt.type_int() }}) as ticket_reopen_count,
        needs_follow_up,
        is_followed_up,
        cast(followed_up_at as {{ dbt.type_timestamp() }}) as followed_up_at,
        cast(follow_up_seconds / 60.0 as {{ dbt.type_numeric() }}) as follow_up_minutes,
        is_followed_up_within_target,
        cast(latest_conversation_id as {{ dbt.type_string() }}) as latest_conversation_id,
        is_latest_conversation_answered,
        cast(latest_ticket_id as {{ dbt.type_string() }}) as latest_ticket_id,
        is_latest_ticket_replied,
        cast(latest_contact_type as {{ dbt.type_string() }}) as latest_contact_type,
        case
            when latest_contact_type = 'ticket' then is_latest_ticket_replied
            when latest_contact_type = 'social_conversation' then is_latest_conversation_answered
        end as is_latest_contact_answered

    from latest_contacts_chosen

)

select * from final
