with

validated as (

    select * from {{ ref('base_cx__social_posts') }}
    where reject_reason is null

),

final as (

    select
        post_id,
        lower(platform) as platform,
        lower(brand) as brand,
        author_handle,
        {{ cx_try_cast('author_is_brand', 'boolean') }} as author_is_brand,
        {{ cx_cast_validated('created_at', 'timestamp') }} as created_at,
        text,
        in_reply_to_post_id,
        -- a field with a bad value (its *_reject_reason, field_values_rejected) is null
        case
            when author_followers_reject_reason is null then {{ cx_cast_validated('author_followers', 'integer') }}
        end as author_followers,
        _loaded_at

    from validated

)

select * from final
