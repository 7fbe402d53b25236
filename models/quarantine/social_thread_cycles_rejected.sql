{#-
    Social posts left out of every thread: following in_reply_to_post_id upwards never reaches
    a root, because the post is in a reply cycle (A replies to B, B to A), replies to a post in
    one, or nests deeper than var cx_social_max_thread_depth. They reach no social mart.
    Self-replies never get here: staging quarantines them (social_posts_rejected).
-#}
with

int_social_posts_threaded as (

    select * from {{ ref('int_social_posts_threaded') }}

),

final as (

    select
        post_id,
        platform,
        brand,
        author_handle,
        author_is_brand,
        created_at,
        text,
        in_reply_to_post_id,
        'reply_cycle' as reject_reason,
        'in_reply_to_post_id' as rejected_column

    from int_social_posts_threaded
    where is_in_reply_cycle

)

select * from final
