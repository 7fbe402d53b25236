{#-
    Reply pairs: each public customer comment paired with the next public agent comment on the
    same ticket (Zendesk semantics). Comments are ordered by event_at, then load order, then
    event_id, so comments in the same second keep the order they were recorded in. Several
    customer comments in a row share the same reply; the first of them (the oldest unanswered)
    starts a reply round, and reply times per round are measured from it.
-#}
{{ config(
    materialized=cx_incremental_materialized(),
    incremental_strategy='append',
    on_schema_change='append_new_columns',
    pre_hook="{{ cx_delete_rows_to_rebuild('ticket_id', 'int_tickets_to_rebuild') }}",
) }}
with

stg_cx__ticket_events as (

    select * from {{ ref('stg_cx__ticket_events') }}
    {{- cx_rebuild_filter('ticket_id', 'int_tickets_to_rebuild') }}

),

int_ticket_timestamps_clocked as (

    select * from {{ ref('int_ticket_timestamps_clocked') }}
    {{- cx_rebuild_filter('ticket_id', 'int_tickets_to_rebuild') }}

),

int_as_of as (

    select * from {{ ref('int_as_of') }}

),

-- Each comment with the ticket's business clock at its moment, read once here for both ends of
-- a pair (joining the pairs to the clock table twice held two hash tables of ten million pairs
-- at once, beyond DuckDB's memory limit at 10M tickets).
public_comments as (

    select
        stg_cx__ticket_events.ticket_id,
        stg_cx__ticket_events.event_id,
        stg_cx__ticket_events.event_at,
        stg_cx__ticket_events.actor_type,
        clock.business_clock_seconds,
        row_number() over (
            partition by stg_cx__ticket_events.ticket_id
            order by stg_cx__ticket_events.event_at, stg_cx__ticket_events._loaded_at, stg_cx__ticket_events.event_id
        ) as comment_number

    from stg_cx__ticket_events
    left join int_ticket_timestamps_clocked as clock
        on
            stg_cx__ticket_events.ticket_id = clock.ticket_id
            and stg_cx__ticket_events.event_at = clock.clocked_at
    where {{ cx_is_reply_comment('stg_cx__ticket_events.') }}

),

public_comments_with_neighbours as (

    select
        ticket_id,
        event_id,
        event_at,
        actor_type,
        business_clock_seconds,
        comment_number,
        lag(actor_type) over (partition by ticket_id order by comment_number) as previous_actor_type,
        min(case when actor_type = 'agent' then comment_number end) over (
            partition by ticket_id
            order by comment_number
            rows between 1 following and unbounded following
        ) as next_agent_comment_number

    from public_comments

),

customer_comments_paired as (

    select
        customer_comments.ticket_id,
        customer_comments.event_id as customer_comment_event_id,
        customer_comments.event_at as customer_commented_at,
        customer_comments.business_clock_seconds as commented_business_clock_seconds,
        customer_comments.comment_number,
        coalesce(customer_comments.previous_actor_type, 'agent') = 'agent' as is_oldest_unanswered,
        agent_replies.event_id as reply_event_id,
        agent_replies.event_at as replied_at,
        agent_replies.business_clock_seconds as replied_business_clock_seconds

    from public_comments_with_neighbours as customer_comments
    left join public_comments as agent_replies
        on
            customer_comments.ticket_id = agent_replies.ticket_id
            and customer_comments.next_agent_comment_number = agent_replies.comment_number
    where customer_comments.actor_type = 'customer'

),

-- The ticket's clock at the build's "now", with now itself: one row per ticket (joined on
-- ticket_id rather than through a cross join with int_as_of, which PostgreSQL may re-run per row).
as_of_clocks as (

    select
        int_ticket_timestamps_clocked.ticket_id,
        int_as_of.as_of_at,
        int_ticket_timestamps_clocked.business_clock_seconds

    from int_ticket_timestamps_clocked
    inner join int_as_of
        on int_ticket_timestamps_clocked.clocked_at = int_as_of.as_of_at

),

pairs_numbered_by_round as (

    select
        customer_comments_paired.*,
        sum(case when customer_comments_paired.is_oldest_unanswered then 1 else 0 end) over (
            partition by customer_comments_paired.ticket_id
            order by customer_comments_paired.comment_number
            rows between unbounded preceding and current row
        ) as reply_round_number

    from customer_comments_paired

),

final as (

    select
        pairs.customer_comment_event_id,
        pairs.ticket_id,
        pairs.customer_commented_at,
        cast(pairs.comment_number as {{ dbt.type_int() }}) as comment_number,
        pairs.is_oldest_unanswered,
        cast(pairs.reply_round_number as {{ dbt.type_int() }}) as reply_round_number,
        pairs.reply_event_id,
        pairs.replied_at,
        pairs.replied_at is not null as is_replied,
        {{ cx_minutes_between('pairs.customer_commented_at', 'pairs.replied_at') }} as reply_minutes,
        {{ cx_seconds_to_minutes('pairs.replied_business_clock_seconds - pairs.commented_business_clock_seconds') }}
            as reply_business_minutes,
        {#- The case is inside the cast so the column keeps the decimal(28,6) type on every engine. #}
        {{ cx_minutes_between(
            'pairs.customer_commented_at',
            'case when pairs.replied_at is null then as_of_clock.as_of_at end'
        ) }} as unreplied_minutes_at_as_of,
        {{ cx_seconds_to_minutes(
            'case when pairs.replied_at is null then as_of_clock.business_clock_seconds end'
            ~ ' - pairs.commented_business_clock_seconds'
        ) }} as unreplied_business_minutes_at_as_of

    from pairs_numbered_by_round as pairs
    left join as_of_clocks as as_of_clock
        on pairs.ticket_id = as_of_clock.ticket_id

)

select * from final
