{#-
    Social responsiveness per day (the conversation's start, UTC) x platform x brand: how
    many conversations, how many the brand answered, and how fast. Orphan threads count only
    when var cx_social_count_orphan_threads is true (docs/metrics.md: a conversation replies to nothing).
-#}
with

fct_social_conversations as (

    select * from {{ ref('fct_social_conversations') }}

),

conversations_counted as (

    select
        started_date,
        platform,
        coalesce(brand, '(unattributed)') as brand,
        is_answered,
        is_answered_within_1h,
        is_answered_within_24h,
        response_seconds

    from fct_social_conversations
    {%- if not var('cx_social_count_orphan_threads') %}
        where not is_orphan_thread
    {%- endif %}

),

days_summarized as (

    select
        started_date,
        platform,
        brand,
        count(*) as conversations,
        sum(case when is_answered then 1 else 0 end) as answered_conversations,
        sum(case when is_answered_within_1h then 1 else 0 end) as answered_within_1h,
        sum(case when is_answered_within_24h then 1 else 0 end) as answered_within_24h,
        {{ cx_percentile('response_seconds', 0.5, [0.5, 0.9]) }} as median_response_seconds,
        {{ cx_percentile('response_seconds', 0.9, [0.5, 0.9]) }} as p90_response_seconds

    from conversations_counted
    group by started_date, platform, brand

),

final as (

    select
        started_date,
        cast(platform as {{ dbt.type_string() }}) as platform,
        cast(brand as {{ dbt.type_string() }}) as brand,
        cast(conversations as {{ dbt.type_bigint() }}) as conversations,
        cast(answered_conversations as {{ dbt.type_bigint() }}) as answered_conversations,
        cast(conversations - answered_conversations as {{ dbt.type_bigint() }}) as unanswered_conversations,
        cast(1.0 * answered_conversations / conversations as {{ dbt.type_numeric() }}) as response_rate,
        cast(median_response_seconds / 60.0 as {{ dbt.type_numeric() }}) as median_response_minutes,
        cast(p90_response_seconds / 60.0 as {{ dbt.type_numeric() }}) as p90_response_minutes,
        cast(answered_within_1h as {{ dbt.type_bigint() }}) as answered_within_1h,
        cast(1.0 * answered_within_1h / conversations as {{ dbt.type_numeric() }}) as answered_within_1h_rate,
        cast(answered_within_24h as {{ dbt.type_bigint() }}) as answered_within_24h,
        cast(1.0 * answered_within_24h / conversations as {{ dbt.type_numeric() }}) as answered_within_24h_rate

    from days_summarized

)

select * from final
