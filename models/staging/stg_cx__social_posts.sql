{#-
    Incremental (docs/incremental.md): on incremental runs, only the rows that
    base_cx__social_posts validated since this table's latest validated_at are staged again
    (cx_validated_since_staged); the pre-hook first deletes their keys, so a key quarantined now
    leaves staging.
-#}
{{ config(
    materialized=cx_incremental_materialized(),
    incremental_strategy='delete+insert',
    on_schema_change='append_new_columns',
    unique_key='post_id',
    pre_hook="{{ cx_delete_revalidated_keys('post_id', 'base_cx__social_posts') }}",
) }}
with

base_cx__social_posts as (

    select * from {{ ref('base_cx__social_posts') }}
    {{- cx_validated_since_staged() }}

),

validated as (

    select * from base_cx__social_posts
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
        _loaded_at,
        validated_at

    from validated

)

select * from final
