{#-
    One row per ticket with its service metrics (DESIGN §3 "Service", Zendesk semantics): first
    reply, next replies, solves, reopens, touches, wait times and SLA per metric. Calendar and
    business minutes; business minutes are differences of the business clock
    (int_ticket_timestamps_clocked). Open durations and open breaches run to the build's "now"
    (int_as_of, var cx_as_of). Choices are explained in DECISIONLOG.md.
-#}
{{ config(contract={'enforced': true}) }}

with

stg_cx__tickets as (

    select * from {{ ref('stg_cx__tickets') }}

),

stg_cx__ticket_events as (

    select * from {{ ref('stg_cx__ticket_events') }}

),

int_as_of as (

    select * from {{ ref('int_as_of') }}

),

int_ticket_timestamps_clocked as (

    select * from {{ ref('int_ticket_timestamps_clocked') }}

),

int_ticket_replies_paired as (

    select * from {{ ref('int_ticket_replies_paired') }}

),

int_tickets_status_summarized as (

    select * from {{ ref('int_tickets_status_summarized') }}

),

int_tickets_joined_to_sla_policies as (

    select * from {{ ref('int_tickets_joined_to_sla_policies') }}

),

public_comments_ordered as (

    select
        ticket_id,
        actor_type,
        row_number() over (partition by ticket_id order by event_at, _loaded_at, event_id) as comment_number

    from stg_cx__ticket_events
    where
        event_type = 'comment'
        and is_public
        and actor_type in ('customer', 'agent')

),

public_comments_summarized as (

    select
        ticket_id,
        max(case when comment_number = 1 then actor_type end) = 'agent' as is_agent_created,
        sum(case when actor_type = 'agent' and comment_number > 1 then 1 else 0 end) as later_agent_comments,
        sum(case when actor_type = 'agent' then 1 else 0 end) as agent_comments

    from public_comments_ordered
    group by ticket_id

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
        sum(case when next_reply_rounds.is_replied then 1 else 0 end) as next_reply_count,
        {{ cx_percentile('next_reply_rounds.reply_minutes', 0.5) }} as next_reply_median_minutes,
        max(next_reply_rounds.reply_minutes) as next_reply_max_minutes,
        {{ cx_percentile('next_reply_rounds.reply_business_minutes', 0.5) }} as next_reply_median_business_minutes,
        max(next_reply_rounds.reply_business_minutes) as next_reply_max_business_minutes,
        max(next_reply_rounds.unreplied_minutes_at_as_of) as next_reply_unreplied_minutes_at_as_of,
        max(next_reply_rounds.unreplied_business_minutes_at_as_of) as next_reply_unreplied_business_minutes_at_as_of

    from next_reply_rounds
    group by next_reply_rounds.ticket_id

),

tickets_joined as (

    select
        stg_cx__tickets.ticket_id,
        stg_cx__tickets.customer_id,
        stg_cx__tickets.channel,
        stg_cx__tickets.priority,
        stg_cx__tickets.group_name,
        stg_cx__tickets.assignee_id,
        stg_cx__tickets.created_at,
        int_as_of.as_of_at,
        coalesce(public_comments_summarized.is_agent_created, false) as is_agent_created,
        case
            when public_comments_summarized.is_agent_created then public_comments_summarized.later_agent_comments
            else coalesce(public_comments_summarized.agent_comments, 0)
        end as replies_count,
        case
            when public_comments_summarized.is_agent_created then first_reply_rounds.customer_commented_at
            else stg_cx__tickets.created_at
        end as first_reply_started_at,
        first_reply_rounds.replied_at as first_reply_at,
        coalesce(next_replies_summarized.next_reply_count, 0) as next_reply_count,
        next_replies_summarized.next_reply_median_minutes,
        next_replies_summarized.next_reply_max_minutes,
        next_replies_summarized.next_reply_median_business_minutes,
        next_replies_summarized.next_reply_max_business_minutes,
        next_replies_summarized.next_reply_unreplied_minutes_at_as_of,
        next_replies_summarized.next_reply_unreplied_business_minutes_at_as_of,
        status_summary.current_status,
        status_summary.is_solved,
        status_summary.first_solved_at,
        status_summary.last_solved_at,
        status_summary.reopen_count,
        status_summary.requester_wait_minutes,
        status_summary.agent_wait_minutes,
        status_summary.requester_wait_business_minutes,
        status_summary.agent_wait_business_minutes,
        sla.has_sla_policy,
        sla.is_sla_in_business_hours,
        sla.first_reply_target_minutes,
        sla.next_reply_target_minutes,
        sla.resolution_target_minutes

    from stg_cx__tickets
    cross join int_as_of
    left join public_comments_summarized
        on stg_cx__tickets.ticket_id = public_comments_summarized.ticket_id
    left join first_reply_rounds
        on stg_cx__tickets.ticket_id = first_reply_rounds.ticket_id
    left join next_replies_summarized
        on stg_cx__tickets.ticket_id = next_replies_summarized.ticket_id
    left join int_tickets_status_summarized as status_summary
        on stg_cx__tickets.ticket_id = status_summary.ticket_id
    left join int_tickets_joined_to_sla_policies as sla
        on stg_cx__tickets.ticket_id = sla.ticket_id

),

tickets_clocked as (

    select
        tickets_joined.*,
        {{ cx_minutes_between('tickets_joined.first_reply_started_at', 'tickets_joined.first_reply_at') }}
            as first_reply_minutes,
        {{ cx_seconds_to_minutes(
            'first_reply_clock.business_clock_seconds - reply_started_clock.business_clock_seconds'
        ) }} as first_reply_business_minutes,
        {{ cx_minutes_between('tickets_joined.created_at', 'tickets_joined.first_solved_at') }}
            as first_resolution_minutes,
        {{ cx_seconds_to_minutes('first_solved_clock.business_clock_seconds - created_clock.business_clock_seconds') }}
            as first_resolution_business_minutes,
        case
            when tickets_joined.is_solved
                then {{ cx_minutes_between('tickets_joined.created_at', 'tickets_joined.last_solved_at') }}
        end as full_resolution_minutes,
        case
            when tickets_joined.is_solved
                then {{ cx_seconds_to_minutes(
                    'last_solved_clock.business_clock_seconds - created_clock.business_clock_seconds'
                ) }}
        end as full_resolution_business_minutes,
        {{ cx_minutes_between('tickets_joined.first_reply_started_at', 'tickets_joined.as_of_at') }}
            as first_reply_waiting_minutes_at_as_of,
        {{ cx_seconds_to_minutes('as_of_clock.business_clock_seconds - reply_started_clock.business_clock_seconds') }}
            as first_reply_waiting_business_minutes_at_as_of,
        {{ cx_minutes_between('tickets_joined.first_reply_started_at', 'tickets_joined.first_solved_at') }}
            as first_reply_waiting_minutes_to_solve,
        {{ cx_seconds_to_minutes(
            'first_solved_clock.business_clock_seconds - reply_started_clock.business_clock_seconds'
        ) }} as first_reply_waiting_business_minutes_to_solve,
        {{ cx_minutes_between('tickets_joined.created_at', 'tickets_joined.as_of_at') }} as age_minutes_at_as_of,
        {{ cx_seconds_to_minutes('as_of_clock.business_clock_seconds - created_clock.business_clock_seconds') }}
            as age_business_minutes_at_as_of

    from tickets_joined
    left join int_ticket_timestamps_clocked as created_clock
        on tickets_joined.created_at = created_clock.clocked_at
    left join int_ticket_timestamps_clocked as reply_started_clock
        on tickets_joined.first_reply_started_at = reply_started_clock.clocked_at
    left join int_ticket_timestamps_clocked as first_reply_clock
        on tickets_joined.first_reply_at = first_reply_clock.clocked_at
    left join int_ticket_timestamps_clocked as first_solved_clock
        on tickets_joined.first_solved_at = first_solved_clock.clocked_at
    left join int_ticket_timestamps_clocked as last_solved_clock
        on tickets_joined.last_solved_at = last_solved_clock.clocked_at
    left join int_ticket_timestamps_clocked as as_of_clock
        on tickets_joined.as_of_at = as_of_clock.clocked_at

),

sla_elapsed as (

    select
        tickets_clocked.*,
        case
            when tickets_clocked.first_reply_at is not null
                then {{ cx_sla_minutes('first_reply_minutes', 'first_reply_business_minutes') }}
            when tickets_clocked.first_solved_at is not null
                then {{ cx_sla_minutes(
                    'first_reply_waiting_minutes_to_solve', 'first_reply_waiting_business_minutes_to_solve'
                ) }}
            else {{ cx_sla_minutes(
                'first_reply_waiting_minutes_at_as_of', 'first_reply_waiting_business_minutes_at_as_of'
            ) }}
        end as first_reply_sla_elapsed_minutes,
        greatest(
            {{ cx_sla_minutes('next_reply_max_minutes', 'next_reply_max_business_minutes') }},
            case
                when not tickets_clocked.is_solved
                    then {{ cx_sla_minutes(
                        'next_reply_unreplied_minutes_at_as_of', 'next_reply_unreplied_business_minutes_at_as_of'
                    ) }}
            end
        ) as next_reply_sla_elapsed_minutes,
        case
            when
                tickets_clocked.is_solved
                then {{ cx_sla_minutes('full_resolution_minutes', 'full_resolution_business_minutes') }}
            else {{ cx_sla_minutes('age_minutes_at_as_of', 'age_business_minutes_at_as_of') }}
        end as resolution_sla_elapsed_minutes

    from tickets_clocked

),

final as (

    select
        ticket_id,
        customer_id,
        channel,
        priority,
        group_name,
        assignee_id,
        created_at,
        cast(created_at as date) as created_date,
        current_status,
        coalesce(is_solved, false) as is_solved,
        is_agent_created,
        first_reply_at,
        first_reply_minutes,
        first_reply_business_minutes,
        cast(next_reply_count as {{ dbt.type_int() }}) as next_reply_count,
        cast(next_reply_median_minutes as {{ dbt.type_numeric() }}) as next_reply_median_minutes,
        next_reply_max_minutes,
        cast(next_reply_median_business_minutes as {{ dbt.type_numeric() }}) as next_reply_median_business_minutes,
        next_reply_max_business_minutes,
        cast(replies_count as {{ dbt.type_int() }}) as replies_count,
        first_solved_at,
        last_solved_at,
        first_resolution_minutes,
        first_resolution_business_minutes,
        -- Minutes computed inside a case are cast again so they keep decimal(28,6) on every engine.
        cast(full_resolution_minutes as {{ dbt.type_numeric() }}) as full_resolution_minutes,
        cast(full_resolution_business_minutes as {{ dbt.type_numeric() }}) as full_resolution_business_minutes,
        coalesce(reopen_count, 0) as reopen_count,
        coalesce(is_solved, false) and replies_count = 1 and coalesce(reopen_count, 0) = 0 as is_one_touch,
        coalesce(is_solved, false) and replies_count = 2 and coalesce(reopen_count, 0) = 0 as is_two_touch,
        requester_wait_minutes,
        requester_wait_business_minutes,
        agent_wait_minutes,
        agent_wait_business_minutes,
        cast(
            case when not coalesce(is_solved, false) then age_minutes_at_as_of end as {{ dbt.type_numeric() }}
        ) as unsolved_age_minutes,
        coalesce(has_sla_policy, false) as has_sla_policy,
        is_sla_in_business_hours,
        case when not is_agent_created then first_reply_target_minutes end as first_reply_target_minutes,
        case
            when not is_agent_created then first_reply_sla_elapsed_minutes > first_reply_target_minutes
        end as is_first_reply_sla_breached,
        next_reply_target_minutes,
        next_reply_sla_elapsed_minutes > next_reply_target_minutes as is_next_reply_sla_breached,
        resolution_target_minutes,
        resolution_sla_elapsed_minutes > resolution_target_minutes as is_resolution_sla_breached,
        coalesce(
            not is_agent_created
            and first_reply_at is null
            and not coalesce(is_solved, false)
            and first_reply_sla_elapsed_minutes > first_reply_target_minutes,
            false
        ) as is_open_breach,
        as_of_at

    from sla_elapsed

)

select * from final
