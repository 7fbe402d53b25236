{#-
    Every staged social post placed in its reply thread: root, depth and position. A post
    whose parent is missing from the data (an orphan) roots its own thread; posts whose chain
    of parents never reaches a root (reply cycles) are kept here, flagged, and quarantined in
    social_thread_cycles_rejected. Materialized as a table: the walk runs once per build.
-#}

with

stg_cx__social_posts as (

    select * from {{ ref('stg_cx__social_posts') }}

),

posts_linked_to_parents as (

    select
        reply.post_id,
        parent.post_id as parent_post_id,
        (reply.in_reply_to_post_id is not null and parent.post_id is null) as has_missing_parent

    from stg_cx__social_posts as reply
    left join stg_cx__social_posts as parent
        on reply.in_reply_to_post_id = parent.post_id

),

posts_walked_from_roots as (

    {{ cx_reply_tree(
        'posts_linked_to_parents', 'post_id', 'parent_post_id', var('cx_social_max_thread_depth')
    ) }}

),

posts_placed as (

    select
        stg_cx__social_posts.post_id,
        stg_cx__social_posts.platform,
        stg_cx__social_posts.brand,
        stg_cx__social_posts.author_handle,
        stg_cx__social_posts.author_is_brand,
        stg_cx__social_posts.created_at,
        stg_cx__social_posts.text,
        stg_cx__social_posts.in_reply_to_post_id,
        posts_linked_to_parents.parent_post_id,
        posts_linked_to_parents.has_missing_parent,
        posts_walked_from_roots.root_id as root_post_id,
        posts_walked_from_roots.depth as thread_depth,
        posts_walked_from_roots.node_id is null as is_in_reply_cycle

    from stg_cx__social_posts
    inner join posts_linked_to_parents
        on stg_cx__social_posts.post_id = posts_linked_to_parents.post_id
    left join posts_walked_from_roots
        on stg_cx__social_posts.post_id = posts_walked_from_roots.node_id

),

roots as (

    select
        post_id as root_post_id,
        has_missing_parent as is_orphan_thread,
        author_is_brand as is_brand_thread

    from posts_placed
    where thread_depth = 0

),

final as (

    select
        posts_placed.post_id,
        posts_placed.platform,
        posts_placed.brand,
        posts_placed.author_handle,
        posts_placed.author_is_brand,
        posts_placed.created_at,
        posts_placed.text,
        posts_placed.in_reply_to_post_id,
        posts_placed.parent_post_id,
        posts_placed.has_missing_parent,
        posts_placed.root_post_id,
        posts_placed.thread_depth,
        case
            when posts_placed.root_post_id is not null
                then row_number() over (
                    partition by posts_placed.root_post_id
                    order by posts_placed.created_at, posts_placed.thread_depth, posts_placed.post_id
                )
        end as thread_position,
        roots.is_orphan_thread,
        roots.is_brand_thread,
        posts_placed.is_in_reply_cycle

    from posts_placed
    left join roots
        on posts_placed.root_post_id = roots.root_post_id

)

select * from final
