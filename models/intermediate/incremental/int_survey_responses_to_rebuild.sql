{#-
    One row per survey response that fct_survey_responses rebuilds in this build
    (docs/incremental.md): responses (or their invitations, or their customers) that arrived or
    changed since the previous build (macro cx_changed_since_build); responses on a ticket of
    int_tickets_to_rebuild or of a customer with a ticket there or a conversation of
    int_social_conversations_to_rebuild (the customer's latest contact may have changed); and
    answers still waiting for a follow-up within var cx_closed_loop_target_minutes, whose
    is_followed_up_within_target turns false with time. On a full build: every response.
-#}
{%- set target_seconds = var('cx_closed_loop_target_minutes') * 60 -%}
{%- set lookback_seconds = 3600 * var('cx_incremental_lookback_hours') | int -%}
{{ config(materialized='table') }}

with

int_incremental_watermarks as (

    select * from {{ ref('int_incremental_watermarks') }}

),

int_tickets_to_rebuild as (

    select * from {{ ref('int_tickets_to_rebuild') }}

),

int_social_conversations_to_rebuild as (

    select * from {{ ref('int_social_conversations_to_rebuild') }}

),

stg_cx__survey_responses as (

    select * from {{ ref('stg_cx__survey_responses') }}

),

stg_cx__survey_invitations as (

    select * from {{ ref('stg_cx__survey_invitations') }}

),

stg_cx__customers as (

    select * from {{ ref('stg_cx__customers') }}

),

stg_cx__tickets as (

    select * from {{ ref('stg_cx__tickets') }}

),

stg_cx__customer_identities as (

    select * from {{ ref('stg_cx__customer_identities') }}

),

int_social_posts_threaded as (

    select * from {{ ref('int_social_posts_threaded') }}

),

customers_with_changed_contacts as (

    select stg_cx__tickets.customer_id
    from stg_cx__tickets
    inner join int_tickets_to_rebuild
        on stg_cx__tickets.ticket_id = int_tickets_to_rebuild.ticket_id

    union

    select stg_cx__customer_identities.customer_id
    from int_social_posts_threaded
    inner join int_social_conversations_to_rebuild
        on int_social_posts_threaded.post_id = int_social_conversations_to_rebuild.conversation_id
    inner join stg_cx__customer_identities
        on
            int_social_posts_threaded.platform = stg_cx__customer_identities.platform
            and int_social_posts_threaded.author_handle = stg_cx__customer_identities.handle

    union

    select stg_cx__customers.customer_id
    from stg_cx__customers
    cross join int_incremental_watermarks as watermarks
    where {{ cx_changed_since_build([], 'stg_cx__customers._loaded_at') }}

),

responses_with_invitations as (

    select
        stg_cx__survey_responses.response_id,
        coalesce(stg_cx__survey_responses.customer_id, stg_cx__survey_invitations.customer_id) as customer_id,
        coalesce(stg_cx__survey_responses.ticket_id, stg_cx__survey_invitations.ticket_id) as ticket_id,
        stg_cx__survey_responses.responded_at,
        stg_cx__survey_responses.followed_up_at,
        stg_cx__survey_responses._loaded_at,
        stg_cx__survey_invitations.sent_at,
        stg_cx__survey_invitations._loaded_at as invitation_loaded_at

    from stg_cx__survey_responses
    left join stg_cx__survey_invitations
        on stg_cx__survey_responses.invitation_id = stg_cx__survey_invitations.invitation_id

),

final as (

    select responses_with_invitations.response_id
    from responses_with_invitations
    cross join int_incremental_watermarks as watermarks
    where
        {{ cx_changed_since_build(
            ['responses_with_invitations.responded_at', 'responses_with_invitations.followed_up_at',
             'responses_with_invitations.sent_at'],
            'responses_with_invitations._loaded_at'
        ) }}
        or {{ cx_changed_since_build([], 'responses_with_invitations.invitation_loaded_at') }}
        or (
            responses_with_invitations.followed_up_at is null
            and responses_with_invitations.responded_at > {{ cx_add_seconds(
                'watermarks.previous_data_through_at', -(target_seconds + lookback_seconds)
            ) }}
        )

    union

    select responses_with_invitations.response_id
    from responses_with_invitations
    inner join int_tickets_to_rebuild
        on responses_with_invitations.ticket_id = int_tickets_to_rebuild.ticket_id

    union

    select responses_with_invitations.response_id
    from responses_with_invitations
    inner join customers_with_changed_contacts
        on responses_with_invitations.customer_id = customers_with_changed_contacts.customer_id

)

select * from final
