{{ cx_depends_on_demo_seed('social_posts') }}
with

source as (

    select * from {{ source('cx', 'social_posts') }}

),

received as (

    select
        {{ cx_text('post_id') }} as post_id,
        {{ cx_text('platform') }} as platform,
        {{ cx_text('brand') }} as brand,
        {{ cx_text('author_handle') }} as author_handle,
        {{ cx_text('author_is_brand') }} as author_is_brand,
        {{ cx_text('created_at') }} as created_at,
        cast(text as {{ dbt.type_string() }}) as text,
        {{ cx_text('in_reply_to_post_id') }} as in_reply_to_post_id,
        {{ cx_text('author_followers') }} as author_followers,
        {{ cx_loaded_at() }} as _loaded_at

    from source

),

row_rules_checked as (

    select
        *,
        case
            when post_id is null then 'null_key:post_id'
            when platform is null then 'missing_required:platform'
            when author_is_brand is null then 'missing_required:author_is_brand'
            when created_at is null then 'missing_required:created_at'
            when {{ cx_is_unparseable('created_at', 'timestamp') }} then 'unparseable_value:created_at'
            when {{ cx_is_unparseable('author_is_brand', 'boolean') }} then 'unparseable_value:author_is_brand'
            when {{ cx_is_unparseable('author_followers', 'integer') }} then 'unparseable_value:author_followers'
            when {{ cx_try_cast('author_followers', 'integer') }} < 0 then 'out_of_range:author_followers'
            when in_reply_to_post_id = post_id then 'self_reference:in_reply_to_post_id'
        end as broken_row_rule

    from received

),

rules_checked as (

    select
        *,
        case
            when broken_row_rule is not null then broken_row_rule
            when {{ cx_duplicate_rank(
                ['post_id'], 'broken_row_rule',
                ['post_id', 'platform', 'brand', 'author_handle', 'author_is_brand', 'created_at',
                 'text', 'in_reply_to_post_id', 'author_followers']
            ) }} > 1 then 'duplicate_key:post_id'
        end as broken_rule

    from row_rules_checked

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
        author_followers,
        _loaded_at,
        {{ cx_rejection_columns('broken_rule') }}

    from rules_checked

)

select * from final
