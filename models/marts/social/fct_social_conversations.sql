{#-
    One row per social conversation: a customer post that roots a reply thread (docs/metrics.md),
    with its replies. Orphan threads (the root replies to a post missing from the data) are
    kept and flagged is_orphan_thread. Only posts created by cx_as_of count. Incremental
    (docs/incremental.md): rebuilds the conversations of int_social_conversations_to_rebuild.
-#}
{{ config(
    materialized=cx_incremental_materialized(),
    incremental_strategy='delete+insert',
    on_schema_change='append_new_columns',
    unique_key='conversation_id',
) }}
with

int_social_posts_threaded as (

    select * from {{ ref('int_social_posts_threaded') }}
    {{- cx_rebuild_filter('root_post_id', 'int_social_conversations_to_rebuild', 'conversation_id') }}

),

stg_cx__customer_identities as (

    select * from {{ ref('stg_cx__customer_identities') }}

),

int_as_of as (

    select * from {{ ref('int_as_of') }}

),

posts_known_at_as_of as (

    select int_social_posts_threaded.*

    from int_social_posts_threaded
    cross join int_as_of
    where
        not int_social_posts_threaded.is_in_reply_cycle
        and int_social_posts_threaded.created_at <= int_as_of.as_of_at

),

conversation_roots as (

    select
        post_id as conversation_id,
        platform,
        brand,
        author_handle,
        created_at as started_at,
        is_orphan_thread

    from posts_known_at_as_of
    where thread_depth = 0 and not author_is_brand

),

conversation_posts as (

    select
        posts_known_at_as_of.root_post_id as conversation_id,
        posts_known_at_as_of.author_is_brand,
        posts_known_at_as_of.created_at,
        posts_known_at_as_of.thread_depth,
        case
            when coalesce(
                lag(posts_known_at_as_of.author_is_brand) over (
                    partition by posts_known_at_as_of.root_post_id
                    order by posts_known_at_as_of.thread_position
                ) <> posts_known_at_as_of.author_is_brand,
                true
            ) then 1
            else 0
        end as starts_turn,
        row_number() over (
            partition by posts_known_at_as_of.root_post_id
            order by posts_known_at_as_of.thread_position desc
        ) as position_from_last

    from posts_known_at_as_of
    inner join conversation_roots
        on posts_known_at_as_of.root_post_id = conversation_roots.conversation_id

),

first_brand_replies as (

    select
        conversation_id,
        min(created_at) as first_brand_reply_at

    from conversation_posts
    where author_is_brand
    group by conversation_id

),

threads_summarized as (

    select
        conversation_posts.conversation_id,
        max(first_brand_replies.first_brand_reply_at) as first_brand_reply_at,
        count(*) as posts,
        sum(case when conversation_posts.author_is_brand then 0 else 1 end) as customer_posts,
        sum(
            case
                when
                    not conversation_posts.author_is_brand
                    and (
                        first_brand_replies.first_brand_reply_at is null
                        or conversation_posts.created_at < first_brand_replies.first_brand_reply_at
                    )
                    then 1
                else 0
            end
        ) as customer_posts_before_first_reply,
        sum(case when conversation_posts.author_is_brand then 1 else 0 end) as brand_replies,
        sum(conversation_posts.starts_turn) as turns,
        max(conversation_posts.thread_depth) as thread_depth,
        max(conversation_posts.created_at) as last_post_at,
        max(
            case when conversation_posts.position_from_last = 1 and conversation_posts.author_is_brand then 1 else 0 end
        ) as is_last_post_by_brand

    from conversation_posts
    left join first_brand_replies
        on conversation_posts.conversation_id = first_brand_replies.conversation_id
    group by conversation_posts.conversation_id

),

conversations_measured as (

    select
        conversation_roots.conversation_id,
        conversation_roots.platform,
        conversation_roots.brand,
        conversation_roots.author_handle,
        conversation_roots.started_at,
        threads_summarized.first_brand_reply_at,
        {{ dbt.datediff('conversation_roots.started_at', 'threads_summarized.first_brand_reply_at', 'second') }}
            as response_seconds,
        threads_summarized.posts,
        threads_summarized.customer_posts,
        threads_summarized.customer_posts_before_first_reply,
        threads_summarized.brand_replies,
        threads_summarized.turns,
        threads_summarized.thread_depth,
        threads_summarized.last_post_at,
        threads_summarized.is_last_post_by_brand = 1 as is_last_post_by_brand,
        conversation_roots.is_orphan_thread

    from conversation_roots
    inner join threads_summarized
        on conversation_roots.conversation_id = threads_summarized.conversation_id

),

final as (

    select
        cast(conversations_measured.conversation_id as {{ dbt.type_string() }}) as conversation_id,
        cast(conversations_measured.platform as {{ dbt.type_string() }}) as platform,
        cast(conversations_measured.brand as {{ dbt.type_string() }}) as brand,
        cast({{ cx_hash('conversations_measured.author_handle') }} as {{ dbt.type_string() }})
            as customer_handle_hash,
        cast(stg_cx__customer_identities.customer_id as {{ dbt.type_string() }}) as customer_id,
        cast(conversations_measured.started_at as {{ dbt.type_timestamp() }}) as started_at,
        cast(conversations_measured.started_at as date) as started_date,
        cast(conversations_measured.first_brand_reply_at as {{ dbt.type_timestamp() }}) as first_brand_reply_at,
        cast(conversations_measured.response_seconds as {{ dbt.type_bigint() }}) as response_seconds,
        cast(conversations_measured.response_seconds / 60.0 as {{ dbt.type_numeric() }}) as response_minutes,
        conversations_measured.first_brand_reply_at is not null as is_answered,
        coalesce(conversations_measured.response_seconds <= 3600, false) as is_answered_within_1h,
        coalesce(conversations_measured.response_seconds <= 86400, false) as is_answered_within_24h,
        cast(conversations_measured.posts as {{ dbt.type_bigint() }}) as posts,
        cast(conversations_measured.customer_posts as {{ dbt.type_bigint() }}) as customer_posts,
        cast(conversations_measured.customer_posts_before_first_reply as {{ dbt.type_bigint() }})
            as customer_posts_before_first_reply,
        cast(conversations_measured.brand_replies as {{ dbt.type_bigint() }}) as brand_replies,
        cast(conversations_measured.turns as {{ dbt.type_bigint() }}) as turns,
        cast(conversations_measured.thread_depth as {{ dbt.type_bigint() }}) as thread_depth,
        cast(conversations_measured.last_post_at as {{ dbt.type_timestamp() }}) as last_post_at,
        cast(
            case when conversations_measured.is_last_post_by_brand then 'brand' else 'customer' end
            as {{ dbt.type_string() }}
        ) as last_author,
        not conversations_measured.is_last_post_by_brand as customer_gave_up,
        conversations_measured.is_orphan_thread

    from conversations_measured
    left join stg_cx__customer_identities
        on
            conversations_measured.platform = stg_cx__customer_identities.platform
            and conversations_measured.author_handle = stg_cx__customer_identities.handle

)

select * from final
