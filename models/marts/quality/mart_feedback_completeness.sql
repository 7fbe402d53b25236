{#-
    Feedback completeness for BI: one row per received_date x feedback_channel x feedback_source
    with items received that day and the state each is in at the build's "now" (int_as_of).
    items_received = items_accounted_for + items_open_within_target + items_open_past_target
    (tested). Built from fct_feedback_items.
-#}
with

fct_feedback_items as (

    select * from {{ ref('fct_feedback_items') }}

),

items_counted as (

    select
        received_date,
        feedback_channel,
        feedback_source,
        count(*) as items_received,
        sum(case when feedback_state = 'accounted_for' then 1 else 0 end) as items_accounted_for,
        sum(case when feedback_state = 'open_within_target' then 1 else 0 end) as items_open_within_target,
        sum(case when feedback_state = 'open_past_target' then 1 else 0 end) as items_open_past_target,
        max(as_of_at) as as_of_at

    from fct_feedback_items
    group by received_date, feedback_channel, feedback_source

),

final as (

    select
        received_date,
        feedback_channel,
        feedback_source,
        cast(items_received as {{ dbt.type_bigint() }}) as items_received,
        cast(items_accounted_for as {{ dbt.type_bigint() }}) as items_accounted_for,
        cast(items_open_within_target as {{ dbt.type_bigint() }}) as items_open_within_target,
        cast(items_open_past_target as {{ dbt.type_bigint() }}) as items_open_past_target,
        cast(
            cast(items_accounted_for as {{ dbt.type_numeric() }}) / items_received as {{ dbt.type_numeric() }}
        ) as completeness_rate,
        as_of_at

    from items_counted

)

select * from final
