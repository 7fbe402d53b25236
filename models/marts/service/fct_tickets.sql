{#-
    One row per ticket with its service metrics (docs/metrics.md "Service", Zendesk semantics): first
    reply, next replies, solves, reopens, touches, wait times and SLA per metric. An assembly of
    one-row-per-ticket intermediate models, each doing one job: int_tickets_replies_summarized
    (reply rounds), int_tickets_status_summarized (solves, reopens, waits),
    int_tickets_durations_clocked (calendar and business minutes) and int_tickets_sla_measured
    (SLA targets and breaches). Open durations and open breaches run to the build's "now"
    (int_as_of, var cx_as_of). Choices are explained in DECISIONLOG.md. Incremental
    (docs/incremental.md): rebuilds the tickets of int_tickets_to_rebuild; the post-hook moves
    as_of_at of the other rows to this build's "now".
-#}
{{ config(
    materialized=cx_incremental_materialized(),
    incremental_strategy='append',
    on_schema_change='append_new_columns',
    pre_hook="{{ cx_delete_rows_to_rebuild('ticket_id', 'int_tickets_to_rebuild') }}",
    contract={'enforced': true},
    post_hook="{{ cx_refresh_as_of() }}",
) }}

with

stg_cx__tickets as (

    select * from {{ ref('stg_cx__tickets') }}
    {{- cx_rebuild_filter('ticket_id', 'int_tickets_to_rebuild') }}

),

int_as_of as (

    select * from {{ ref('int_as_of') }}

),

int_tickets_replies_summarized as (

    select * from {{ ref('int_tickets_replies_summarized') }}
    {{- cx_rebuild_filter('ticket_id', 'int_tickets_to_rebuild') }}

),

int_tickets_status_summarized as (

    select * from {{ ref('int_tickets_status_summarized') }}
    {{- cx_rebuild_filter('ticket_id', 'int_tickets_to_rebuild') }}

),

int_tickets_durations_clocked as (

    select * from {{ ref('int_tickets_durations_clocked') }}
    {{- cx_rebuild_filter('ticket_id', 'int_tickets_to_rebuild') }}

),

int_tickets_sla_measured as (

    select * from {{ ref('int_tickets_sla_measured') }}
    {{- cx_rebuild_filter('ticket_id', 'int_tickets_to_rebuild') }}

),

final as (

    select
        stg_cx__tickets.ticket_id,
        stg_cx__tickets.customer_id,
        stg_cx__tickets.channel,
        stg_cx__tickets.priority,
        stg_cx__tickets.group_name,
        stg_cx__tickets.assignee_id,
        stg_cx__tickets.created_at,
        cast(stg_cx__tickets.created_at as date) as created_date,
        status.current_status,
        coalesce(status.is_solved, false) as is_solved,
        replies.is_agent_created,
        replies.first_reply_at,
        durations.first_reply_minutes,
        durations.first_reply_business_minutes,
        cast(replies.next_reply_count as {{ dbt.type_int() }}) as next_reply_count,
        cast(replies.next_reply_median_minutes as {{ dbt.type_numeric() }}) as next_reply_median_minutes,
        replies.next_reply_max_minutes,
        cast(replies.next_reply_median_business_minutes as {{ dbt.type_numeric() }})
            as next_reply_median_business_minutes,
        replies.next_reply_max_business_minutes,
        cast(replies.replies_count as {{ dbt.type_int() }}) as replies_count,
        status.first_solved_at,
        status.last_solved_at,
        durations.first_resolution_minutes,
        durations.first_resolution_business_minutes,
        -- Minutes computed inside a case are cast again so they keep decimal(28,6) on every engine.
        cast(durations.full_resolution_minutes as {{ dbt.type_numeric() }}) as full_resolution_minutes,
        cast(durations.full_resolution_business_minutes as {{ dbt.type_numeric() }})
            as full_resolution_business_minutes,
        coalesce(status.reopen_count, 0) as reopen_count,
        -- Touches: solved now, never reopened, with exactly one or two agent replies.
        coalesce(status.is_solved, false) and replies.replies_count = 1 and coalesce(status.reopen_count, 0) = 0
            as is_one_touch,
        coalesce(status.is_solved, false) and replies.replies_count = 2 and coalesce(status.reopen_count, 0) = 0
            as is_two_touch,
        status.requester_wait_minutes,
        status.requester_wait_business_minutes,
        status.agent_wait_minutes,
        status.agent_wait_business_minutes,
        cast(
            case when not coalesce(status.is_solved, false) then durations.age_minutes_at_as_of end
            as {{ dbt.type_numeric() }}
        ) as unsolved_age_minutes,
        sla.has_sla_policy,
        sla.sla_policy_source,
        sla.sla_policy_id,
        sla.is_sla_in_business_hours,
        sla.first_reply_target_minutes,
        sla.is_first_reply_sla_in_business_hours,
        sla.is_first_reply_sla_breached,
        sla.next_reply_target_minutes,
        sla.is_next_reply_sla_in_business_hours,
        sla.is_next_reply_sla_breached,
        sla.resolution_target_minutes,
        sla.is_resolution_sla_in_business_hours,
        sla.is_resolution_sla_breached,
        sla.is_open_breach,
        int_as_of.as_of_at,
        stg_cx__tickets.has_quarantined_events

    from stg_cx__tickets
    cross join int_as_of
    left join int_tickets_replies_summarized as replies
        on stg_cx__tickets.ticket_id = replies.ticket_id
    left join int_tickets_status_summarized as status
        on stg_cx__tickets.ticket_id = status.ticket_id
    left join int_tickets_durations_clocked as durations
        on stg_cx__tickets.ticket_id = durations.ticket_id
    left join int_tickets_sla_measured as sla
        on stg_cx__tickets.ticket_id = sla.ticket_id

)

select * from final
