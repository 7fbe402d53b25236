{#-
    One row per customer (staged customers): their NPS history, reach and incentives, and one
    advocacy class. Advocates are organic (never incentivized, never high-reach); influencers
    are paid or high-reach. The class takes the first rule that holds (docs: advocacy_class).
-#}
{%- set high_reach = var('cx_advocacy_high_reach_followers') -%}

with

stg_cx__customers as (

    select * from {{ ref('stg_cx__customers') }}

),

stg_cx__customer_identities as (

    select * from {{ ref('stg_cx__customer_identities') }}

),

stg_cx__social_posts as (

    select * from {{ ref('stg_cx__social_posts') }}

),

fct_survey_responses as (

    select * from {{ ref('fct_survey_responses') }}

),

fct_social_conversations as (

    select * from {{ ref('fct_social_conversations') }}

),

int_as_of as (

    select * from {{ ref('int_as_of') }}

),

nps_answers_ranked as (

    select
        customer_id,
        response_id,
        score,
        nps_category,
        responded_at,
        is_followed_up,
        row_number() over (
            partition by customer_id
            order by responded_at desc, response_id desc
        ) as recency_rank

    from fct_survey_responses
    where nps_category is not null and customer_id is not null

),

nps_answers_summarized as (

    select
        customer_id,
        count(*) as nps_responses,
        min(responded_at) as first_nps_responded_at,
        max(responded_at) as latest_nps_responded_at,
        min(case when nps_category <> 'promoter' then recency_rank end) as latest_non_promoter_rank

    from nps_answers_ranked
    group by customer_id

),

latest_nps_answers as (

    select * from nps_answers_ranked
    where recency_rank = 1

),

customer_reach as (

    select
        stg_cx__customer_identities.customer_id,
        max(stg_cx__social_posts.author_followers) as max_author_followers

    from stg_cx__social_posts
    cross join int_as_of
    inner join stg_cx__customer_identities
        on
            stg_cx__social_posts.platform = stg_cx__customer_identities.platform
            and stg_cx__social_posts.author_handle = stg_cx__customer_identities.handle
    where
        not stg_cx__social_posts.author_is_brand
        and stg_cx__social_posts.created_at <= int_as_of.as_of_at
    group by stg_cx__customer_identities.customer_id

),

customer_conversations as (

    select
        customer_id,
        count(*) as social_conversations

    from fct_social_conversations
    where
        customer_id is not null
        {%- if not var('cx_social_count_orphan_threads') %}
            and not is_orphan_thread
        {%- endif %}
    group by customer_id

),

customers_joined as (

    select
        stg_cx__customers.customer_id,
        stg_cx__customers.segment,
        stg_cx__customers.is_incentivized,
        coalesce(nps_answers_summarized.nps_responses, 0) as nps_responses,
        nps_answers_summarized.first_nps_responded_at,
        nps_answers_summarized.latest_nps_responded_at,
        latest_nps_answers.score as latest_nps_score,
        latest_nps_answers.nps_category as latest_nps_category,
        latest_nps_answers.is_followed_up as is_latest_nps_followed_up,
        coalesce(
            nps_answers_summarized.latest_non_promoter_rank - 1,
            nps_answers_summarized.nps_responses,
            0
        ) as promoter_streak,
        coalesce(customer_conversations.social_conversations, 0) as social_conversations,
        -- Always null: SQL marts read no Python model (per-text sentiment: fct_feedback_sentiment).
        cast(null as {{ dbt.type_bigint() }}) as positive_social_posts,
        customer_reach.max_author_followers,
        coalesce(customer_reach.max_author_followers >= {{ high_reach }}, false) as is_high_reach

    from stg_cx__customers
    left join nps_answers_summarized
        on stg_cx__customers.customer_id = nps_answers_summarized.customer_id
    left join latest_nps_answers
        on stg_cx__customers.customer_id = latest_nps_answers.customer_id
    left join customer_reach
        on stg_cx__customers.customer_id = customer_reach.customer_id
    left join customer_conversations
        on stg_cx__customers.customer_id = customer_conversations.customer_id

),

customers_classified as (

    select
        *,
        case
            when latest_nps_category = 'detractor' and not is_latest_nps_followed_up then 'at_risk_detractor'
            when is_incentivized or is_high_reach then 'influencer'
            when nps_responses = 0 then 'unknown'
            when
                latest_nps_category = 'promoter'
                and (promoter_streak >= 2 or coalesce(positive_social_posts, 0) > 0)
                then 'advocate'
            when latest_nps_category = 'promoter' then 'promoter'
            when latest_nps_category = 'passive' then 'passive'
            else 'detractor'
        end as advocacy_class

    from customers_joined

),

final as (

    select
        cast(customer_id as {{ dbt.type_string() }}) as customer_id,
        cast(segment as {{ dbt.type_string() }}) as segment,
        is_incentivized,
        cast(nps_responses as {{ dbt.type_bigint() }}) as nps_responses,
        cast(first_nps_responded_at as {{ dbt.type_timestamp() }}) as first_nps_responded_at,
        cast(latest_nps_responded_at as {{ dbt.type_timestamp() }}) as latest_nps_responded_at,
        cast(latest_nps_score as {{ dbt.type_int() }}) as latest_nps_score,
        cast(latest_nps_category as {{ dbt.type_string() }}) as latest_nps_category,
        is_latest_nps_followed_up,
        cast(promoter_streak as {{ dbt.type_bigint() }}) as promoter_streak,
        cast(social_conversations as {{ dbt.type_bigint() }}) as social_conversations,
        positive_social_posts,
        cast(max_author_followers as {{ dbt.type_bigint() }}) as max_author_followers,
        is_high_reach,
        cast(advocacy_class as {{ dbt.type_string() }}) as advocacy_class

    from customers_classified

)

select * from final
