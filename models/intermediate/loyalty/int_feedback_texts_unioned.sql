{#-
    One row per customer feedback text to score for sentiment (docs/metrics.md "Sentiment"): every
    survey response with a comment (staging turns a blank comment into null, so it is left out) and
    every social post not written by a brand account, created by cx_as_of. Social posts carry
    their thread root (conversation_id) and the customer behind the handle when it is linked.
-#}

with

stg_cx__survey_responses as (

    select * from {{ ref('stg_cx__survey_responses') }}

),

int_social_posts_threaded as (

    select * from {{ ref('int_social_posts_threaded') }}

),

stg_cx__customer_identities as (

    select * from {{ ref('stg_cx__customer_identities') }}

),

int_as_of as (

    select * from {{ ref('int_as_of') }}

),

survey_comments as (

    select
        stg_cx__survey_responses.response_id as source_id,
        'survey_response' as feedback_source,
        stg_cx__survey_responses.customer_id,
        stg_cx__survey_responses.survey_type,
        stg_cx__survey_responses.score,
        cast(null as {{ dbt.type_string() }}) as conversation_id,
        stg_cx__survey_responses.ticket_id,
        stg_cx__survey_responses.responded_at as created_at,
        stg_cx__survey_responses.comment as text

    from stg_cx__survey_responses
    cross join int_as_of
    where
        stg_cx__survey_responses.comment is not null
        and stg_cx__survey_responses.responded_at <= int_as_of.as_of_at

),

customer_posts as (

    select
        int_social_posts_threaded.post_id as source_id,
        'social_post' as feedback_source,
        stg_cx__customer_identities.customer_id,
        cast(null as {{ dbt.type_string() }}) as survey_type,
        cast(null as {{ dbt.type_int() }}) as score,
        int_social_posts_threaded.root_post_id as conversation_id,
        cast(null as {{ dbt.type_string() }}) as ticket_id,
        int_social_posts_threaded.created_at,
        int_social_posts_threaded.text

    from int_social_posts_threaded
    cross join int_as_of
    left join stg_cx__customer_identities
        on
            int_social_posts_threaded.platform = stg_cx__customer_identities.platform
            and int_social_posts_threaded.author_handle = stg_cx__customer_identities.handle
    where
        not int_social_posts_threaded.author_is_brand
        and not int_social_posts_threaded.is_in_reply_cycle
        and int_social_posts_threaded.created_at <= int_as_of.as_of_at

),

feedback_unioned as (

    select * from survey_comments
    union all
    select * from customer_posts

),

final as (

    select
        cast({{ dbt.concat(['feedback_source', "':'", 'source_id']) }} as {{ dbt.type_string() }}) as feedback_id,
        cast(feedback_source as {{ dbt.type_string() }}) as feedback_source,
        cast(source_id as {{ dbt.type_string() }}) as source_id,
        cast(customer_id as {{ dbt.type_string() }}) as customer_id,
        cast(survey_type as {{ dbt.type_string() }}) as survey_type,
        cast(score as {{ dbt.type_int() }}) as score,
        cast(conversation_id as {{ dbt.type_string() }}) as conversation_id,
        cast(ticket_id as {{ dbt.type_string() }}) as ticket_id,
        cast(created_at as {{ dbt.type_timestamp() }}) as created_at,
        cast(text as {{ dbt.type_string() }}) as text

    from feedback_unioned

)

select * from final
