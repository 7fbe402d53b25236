{#-
    One row per ticket: who opened it, how many replies it got, and its reply rounds (Zendesk
    semantics, docs/metrics.md "Service"). The first reply round gives the first reply (from
    created_at, or from the requester's first comment on an agent-created ticket); later rounds
    are summarized as next replies. Only public customer and agent comments count.
    A table: int_tickets_durations_clocked, int_tickets_sla_measured and fct_tickets all read
    it, and a view would be computed again for each of them.
-#}
{{ config(
    materialized=cx_incremental_materialized(),
    incremental_strategy='append',
    on_schema_change='append_new_columns',
    pre_hook="{{ cx_delete_rows_to_rebuild('ticket_id', 'int_tickets_to_rebuild') }}",
) }}

with

stg_cx__tickets as (

    select * from {{ ref('stg_cx__tickets') }}
    {{- cx_rebuild_filter('ticket_id', 'int_tickets_to_rebuild') }}

),

stg_cx__ticket_events as (

    select * from {{ ref('stg_cx__ticket_events') }}
    {{- cx_rebuild_filter('ticket_id', 'int_tickets_to_rebuild') }}

),

int_ticket_replies_paired as (

    select * from {{ ref('int_ticket_replies_paired') }}
    {{- cx_rebuild_filter('ticket_id', 'int_tickets_to_rebuild') }}

),

-- The ticket's public agent comments, counted: no sort here, since which public comment came
-- first is read from int_ticket_replies_paired (comment_number numbers its customer comments
-- among the ticket's public customer and agent comments).
public_agent_comments_counted as (

    select
        ticket_id,
        count(*) as agent_comments

    from stg_cx__ticket_events
    where
        event_type = 'comment'
        and is_public
        and actor_type = 'agent'
    group by ticket_id

),

tickets_opened_by_customer_comment as (

    select ticket_id
    from int_ticket_replies_paired
    where comment_number = 1

),

-- A ticket with public agent comments whose first public comment is no customer's opened with
-- an agent's (an agent-created ticket: that comment is its description, not a reply, so its
-- replies are the other agent comments).
public_comments_summarized as (

    select
        public_agent_comments_counted.ticket_id,
        tickets_opened_by_customer_comment.ticket_id is null as is_agent_created,
        public_agent_comments_counted.agent_comments
        - case when tickets_opened_by_customer_comment.ticket_id is null then 1 else 0 end
            as replies_count

    from public_agent_comments_counted
    left join tickets_opened_by_customer_comment
        on public_agent_comments_counted.ticket_id = tickets_opened_by_customer_comment.ticket_id

),

first_reply_rounds as (

    select
        ticket_id,
        customer_commented_at,
        replied_at

    from int_ticket_replies_paired
    where
        is_oldest_unanswered
        and reply_round_number = 1

),

next_reply_rounds as (

    select * from int_ticket_replies_paired
    where
        is_oldest_unanswered
        and reply_round_number > 1

),

next_replies_summarized as (

    select
        next_reply_rounds.ticket_id,
        count(case when next_reply_rounds.is_replied then 1 end) as next_reply_count,
        {{ cx_percentile('next_reply_rounds.reply_minutes', 0.5) }} as next_reply_median_minutes,
        max(next_reply_rounds.reply_minutes) as next_reply_max_minutes,
        {{ cx_percentile('next_reply_rounds.reply_business_minutes', 0.5) }} as next_reply_median_business_minutes,
        max(next_reply_rounds.reply_business_minutes) as next_reply_max_business_minutes,
        max(next_reply_rounds.unreplied_minutes_at_as_of) as next_reply_unreplied_minutes_at_as_of,
        max(next_reply_rounds.unreplied_business_minutes_at_as_of) as next_reply_unreplied_business_minutes_at_as_of

    from next_reply_rounds
    group by next_reply_rounds.ticket_id

),

final as (

    select
        stg_cx__tickets.ticket_id,
        coalesce(public_comments_summarized.is_agent_created, false) as is_agent_created,
        coalesce(public_comments_summarized.replies_count, 0) as replies_count,
        case
            when public_comments_summarized.is_agent_created then first_reply_rounds.customer_commented_at
            else stg_cx__tickets.created_at
        end as first_reply_started_at,
        first_reply_rounds.replied_at as first_reply_at,
        coalesce(next_replies_summarized.next_reply_count, 0) as next_reply_count,
        next_replies_summarized.next_reply_median_minutes,
        -- max() of decimal(28,6) minutes: cast so every engine keeps decimal(28,6) (PostgreSQL drops the scale).
        cast(next_replies_summarized.next_reply_max_minutes as {{ dbt.type_numeric() }}) as next_reply_max_minutes,
        next_replies_summarized.next_reply_median_business_minutes,
        cast(next_replies_summarized.next_reply_max_business_minutes as {{ dbt.type_numeric() }})
            as next_reply_max_business_minutes,
        cast(next_replies_summarized.next_reply_unreplied_minutes_at_as_of as {{ dbt.type_numeric() }})
            as next_reply_unreplied_minutes_at_as_of,
        cast(next_replies_summarized.next_reply_unreplied_business_minutes_at_as_of as {{ dbt.type_numeric() }})
            as next_reply_unreplied_business_minutes_at_as_of

    from stg_cx__tickets
    left join public_comments_summarized
        on stg_cx__tickets.ticket_id = public_comments_summarized.ticket_id
    left join first_reply_rounds
        on stg_cx__tickets.ticket_id = first_reply_rounds.ticket_id
    left join next_replies_summarized
        on stg_cx__tickets.ticket_id = next_replies_summarized.ticket_id

)

select * from final
