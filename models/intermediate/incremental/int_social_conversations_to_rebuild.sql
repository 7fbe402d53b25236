{#-
    One row per social conversation (thread root post) that fct_social_conversations rebuilds in
    this build (docs/incremental.md): the thread of every post that arrived or changed since the
    previous build (macro cx_changed_since_build), the former threads of posts that a late parent
    now places below it (their old conversation row is removed), and the threads of handles whose
    customer link arrived or changed. On a full build: every thread.
-#}
{{ config(materialized='table') }}

with

int_incremental_watermarks as (

    select * from {{ ref('int_incremental_watermarks') }}

),

stg_cx__social_posts as (

    select * from {{ ref('stg_cx__social_posts') }}

),

stg_cx__customer_identities as (

    select * from {{ ref('stg_cx__customer_identities') }}

),

int_social_posts_threaded as (

    select * from {{ ref('int_social_posts_threaded') }}

),

changed_posts as (

    select stg_cx__social_posts.post_id
    from stg_cx__social_posts
    cross join int_incremental_watermarks as watermarks
    where {{ cx_changed_since_build(['stg_cx__social_posts.created_at'], 'stg_cx__social_posts._loaded_at') }}

),

changed_identities as (

    select
        stg_cx__customer_identities.platform,
        stg_cx__customer_identities.handle

    from stg_cx__customer_identities
    cross join int_incremental_watermarks as watermarks
    where {{ cx_changed_since_build([], 'stg_cx__customer_identities._loaded_at') }}

),

final as (

    select int_social_posts_threaded.root_post_id as conversation_id
    from int_social_posts_threaded
    inner join changed_posts
        on int_social_posts_threaded.post_id = changed_posts.post_id

    union

    select int_social_posts_threaded.post_id as conversation_id
    from int_social_posts_threaded
    inner join changed_posts
        on int_social_posts_threaded.parent_post_id = changed_posts.post_id

    union

    select int_social_posts_threaded.root_post_id as conversation_id
    from int_social_posts_threaded
    inner join changed_identities
        on
            int_social_posts_threaded.platform = changed_identities.platform
            and int_social_posts_threaded.author_handle = changed_identities.handle

)

select * from final
