{#-
    The follow-up list: every social conversation the brand has not answered by cx_as_of
    (orphan threads included, flagged), with how long the customer has been waiting.
-#}
with

fct_social_conversations as (

    select * from {{ ref('fct_social_conversations') }}

),

int_social_posts_threaded as (

    select * from {{ ref('int_social_posts_threaded') }}

),

int_as_of as (

    select * from {{ ref('int_as_of') }}

),

unanswered_conversations as (

    select
        fct_social_conversations.*,
        {{ dbt.datediff('fct_social_conversations.started_at', 'int_as_of.as_of_at', 'second') }}
            as waiting_seconds

    from fct_social_conversations
    cross join int_as_of
    where not fct_social_conversations.is_answered

),

final as (

    select
        unanswered_conversations.conversation_id,
        unanswered_conversations.platform,
        unanswered_conversations.brand,
        unanswered_conversations.customer_handle_hash,
        unanswered_conversations.customer_id,
        unanswered_conversations.started_at,
        {% if var('cx_marts_include_post_text', false) -%}
            cast(int_social_posts_threaded.text as {{ dbt.type_string() }}) as text,
        {%- else -%}
            -- the customer's own words are personal data: left out unless cx_marts_include_post_text
            cast(null as {{ dbt.type_string() }}) as text,
        {%- endif %}
        unanswered_conversations.customer_posts,
        unanswered_conversations.last_post_at,
        cast(unanswered_conversations.waiting_seconds / 60.0 as {{ dbt.type_numeric() }}) as waiting_minutes,
        unanswered_conversations.is_orphan_thread

    from unanswered_conversations
    inner join int_social_posts_threaded
        on unanswered_conversations.conversation_id = int_social_posts_threaded.post_id

)

select * from final
