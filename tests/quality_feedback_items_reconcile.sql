{#-
    Feedback completeness adds up: fct_feedback_items holds every ticket, survey response and
    customer social conversation received by the build's "now" (orphan threads per var
    cx_social_count_orphan_threads) exactly once, and mart_feedback_completeness counts every
    item and every state of fct_feedback_items per channel. Returns one row per failed check.
-#}
with

fct_tickets as (

    select * from {{ ref('fct_tickets') }}

),

stg_cx__survey_responses as (

    select * from {{ ref('stg_cx__survey_responses') }}

),

fct_social_conversations as (

    select * from {{ ref('fct_social_conversations') }}

),

int_as_of as (

    select * from {{ ref('int_as_of') }}

),

fct_feedback_items as (

    select * from {{ ref('fct_feedback_items') }}

),

mart_feedback_completeness as (

    select * from {{ ref('mart_feedback_completeness') }}

),

source_fact_counts as (

    select
        'ticket' as feedback_channel,
        count(*) as fact_items
    from fct_tickets
    cross join int_as_of
    where fct_tickets.created_at <= int_as_of.as_of_at

    union all

    select
        'survey' as feedback_channel,
        count(*) as fact_items
    from stg_cx__survey_responses
    cross join int_as_of
    where stg_cx__survey_responses.responded_at <= int_as_of.as_of_at

    union all

    select
        'social' as feedback_channel,
        count(*) as fact_items
    from fct_social_conversations
    cross join int_as_of
    where
        fct_social_conversations.started_at <= int_as_of.as_of_at
        {%- if not var('cx_social_count_orphan_threads', false) %}
            and not fct_social_conversations.is_orphan_thread
        {%- endif %}

),

item_counts as (

    select
        feedback_channel,
        count(*) as items,
        count(distinct source_id) as distinct_items,
        sum(case when feedback_state = 'accounted_for' then 1 else 0 end) as accounted_for,
        sum(case when feedback_state = 'open_within_target' then 1 else 0 end) as open_within_target,
        sum(case when feedback_state = 'open_past_target' then 1 else 0 end) as open_past_target

    from fct_feedback_items
    group by feedback_channel

),

mart_counts as (

    select
        feedback_channel,
        sum(items_received) as items,
        sum(items_accounted_for) as accounted_for,
        sum(items_open_within_target) as open_within_target,
        sum(items_open_past_target) as open_past_target

    from mart_feedback_completeness
    group by feedback_channel

),

checks as (

    select
        source_fact_counts.feedback_channel,
        'fct_feedback_items: one item per source fact row' as failed_check,
        source_fact_counts.fact_items as expected,
        coalesce(item_counts.items, 0) as actual
    from source_fact_counts
    left join item_counts
        on source_fact_counts.feedback_channel = item_counts.feedback_channel
    where
        source_fact_counts.fact_items <> coalesce(item_counts.items, 0)
        or source_fact_counts.fact_items <> coalesce(item_counts.distinct_items, 0)

    union all

    select
        item_counts.feedback_channel,
        'mart_feedback_completeness: items and states match fct_feedback_items' as failed_check,
        item_counts.items as expected,
        coalesce(mart_counts.items, 0) as actual
    from item_counts
    left join mart_counts
        on item_counts.feedback_channel = mart_counts.feedback_channel
    where
        item_counts.items <> coalesce(mart_counts.items, 0)
        or item_counts.accounted_for <> coalesce(mart_counts.accounted_for, 0)
        or item_counts.open_within_target <> coalesce(mart_counts.open_within_target, 0)
        or item_counts.open_past_target <> coalesce(mart_counts.open_past_target, 0)

),

final as (

    select * from checks

)

select * from final
