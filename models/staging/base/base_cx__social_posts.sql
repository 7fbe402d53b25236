{#-
    Incremental (docs/incremental.md): on incremental runs, the raw rows of the posts that
    arrived or changed since this table's latest (lookback var cx_incremental_lookback_hours),
    or whose post_id it does not hold yet, are validated again and replace that post_id's rows
    (cx_keys_to_revalidate); rows without a post_id are validated every run (the pre-hook
    removes the previous ones). No rule reads another table.
-#}
{{ config(
    materialized=cx_incremental_materialized(),
    incremental_strategy='delete+insert',
    on_schema_change='append_new_columns',
    unique_key='post_id',
    pre_hook="{% if is_incremental() %}delete from {{ this }} where post_id is null{% endif %}",
) }}
{{ cx_depends_on_demo_seed('social_posts') }}
{%- set key_columns = ['post_id'] -%}
with

received as {{ cx_cte_inlined() }} (

    {{ cx_read_raw('social_posts') }}

),

-- On incremental runs, the posts whose raw rows are validated again (cx_keys_to_revalidate);
-- none on a full build.
posts_to_check as (  -- noqa: ST03

    {{ cx_keys_to_revalidate('received', 'post_id', 'created_at') }}

),

-- On incremental runs, the raw rows of those posts and the rows without a post_id (cx_read_raw
-- converts the other columns of those rows only), stored once; on a full build every raw row.
posts_received as {{ cx_cte_stored_on_incremental_runs() }} (

    {{ cx_raw_rows_to_validate('social_posts', 'post_id', 'posts_to_check') }}

),

-- is_key_shared: another row holds the same key; cx_duplicates_ranked sorts only those rows.
-- The CTEs from received to row_rules_checked are inlined (cx_cte_inlined), so that the filters
-- on is_key_shared run before the rules and no row is stored on the way.
keys_flagged as {{ cx_cte_inlined() }} (

    {{ cx_key_shared_flagged('posts_received', key_columns) }}

),

-- Each value parsed once: the rules below read the *_parsed columns.
values_parsed as {{ cx_cte_inlined() }} (

    select
        *,
        {{ cx_try_cast('created_at', 'timestamp') }} as created_at_parsed,
        {{ cx_try_cast('author_followers', 'integer') }} as author_followers_parsed

    from keys_flagged

),

row_rules_checked as {{ cx_cte_inlined() }} (

    select
        *,
        case
            when post_id is null then 'null_key:post_id'
            when platform is null then 'missing_required:platform'
            when author_is_brand is null then 'missing_required:author_is_brand'
            when created_at is null then 'missing_required:created_at'
            when {{ cx_is_unparseable('created_at', 'timestamp', 'created_at_parsed') }}
                then 'unparseable_value:created_at'
            when {{ cx_is_unparseable('author_is_brand', 'boolean') }} then 'unparseable_value:author_is_brand'
            when {{ cx_is_implausible_timestamp('created_at', 'created_at_parsed') }}
                then 'implausible_timestamp:created_at'
            when in_reply_to_post_id = post_id then 'self_reference:in_reply_to_post_id'
        end as broken_row_rule,
        -- Optional field: a bad value nulls the field (field_values_rejected), the row is kept.
        case
            when {{ cx_is_unparseable('author_followers', 'integer', 'author_followers_parsed') }}
                then 'unparseable_value'
            when author_followers_parsed < 0 then 'out_of_range'
        end as author_followers_reject_reason

    from values_parsed

),

row_rules_ranked as (

    {{ cx_duplicates_ranked(
        'row_rules_checked',
        key_columns, 'broken_row_rule',
        ['post_id', 'platform', 'brand', 'author_handle', 'author_is_brand', 'created_at',
         'text', 'in_reply_to_post_id', 'author_followers']
    ) }}

),

rules_checked as (

    select
        *,
        case
            when broken_row_rule is not null then broken_row_rule
            when duplicate_rank > 1 then 'duplicate_key:post_id'
        end as broken_rule

    from row_rules_ranked

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
        {{ cx_validated_at() }} as validated_at,
        {{ cx_rejection_columns('broken_rule') }},
        author_followers_reject_reason

    from rules_checked

)

select * from final
