{#-
    One row per ticket: its SLA policy's targets, the minutes elapsed per SLA metric (first
    reply, next reply, resolution) and whether each target was breached. Elapsed minutes are
    business or calendar minutes as the metric's target says (cx_sla_minutes with the flag
    is_<metric>_sla_in_business_hours: a per-ticket policy sets it per metric). Unanswered first
    replies and unsolved tickets are measured to the build's "now" (open breaches); agent-created
    tickets have no first-reply SLA, as in Zendesk.
    A table, like the other one-row-per-ticket models fct_tickets joins.
-#}
{{ config(
    materialized=cx_incremental_materialized(),
    incremental_strategy='append',
    on_schema_change='append_new_columns',
    pre_hook="{{ cx_delete_rows_to_rebuild('ticket_id', 'int_tickets_to_rebuild') }}",
) }}

with

int_tickets_joined_to_sla_policies as (

    select * from {{ ref('int_tickets_joined_to_sla_policies') }}
    {{- cx_rebuild_filter('ticket_id', 'int_tickets_to_rebuild') }}

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

tickets_joined as (

    select
        sla.ticket_id,
        sla.has_sla_policy,
        sla.sla_policy_source,
        sla.sla_policy_id,
        sla.is_sla_in_business_hours,
        sla.first_reply_target_minutes,
        sla.is_first_reply_sla_in_business_hours,
        sla.next_reply_target_minutes,
        sla.is_next_reply_sla_in_business_hours,
        sla.resolution_target_minutes,
        sla.is_resolution_sla_in_business_hours,
        replies.is_agent_created,
        replies.first_reply_at,
        replies.next_reply_max_minutes,
        replies.next_reply_max_business_minutes,
        replies.next_reply_unreplied_minutes_at_as_of,
        replies.next_reply_unreplied_business_minutes_at_as_of,
        status.is_solved,
        status.first_solved_at,
        durations.first_reply_minutes,
        durations.first_reply_business_minutes,
        durations.first_reply_waiting_minutes_to_solve,
        durations.first_reply_waiting_business_minutes_to_solve,
        durations.first_reply_waiting_minutes_at_as_of,
        durations.first_reply_waiting_business_minutes_at_as_of,
        durations.full_resolution_minutes,
        durations.full_resolution_business_minutes,
        durations.age_minutes_at_as_of,
        durations.age_business_minutes_at_as_of

    from int_tickets_joined_to_sla_policies as sla
    left join int_tickets_replies_summarized as replies
        on sla.ticket_id = replies.ticket_id
    left join int_tickets_status_summarized as status
        on sla.ticket_id = status.ticket_id
    left join int_tickets_durations_clocked as durations
        on sla.ticket_id = durations.ticket_id

),

sla_elapsed as (

    select
        tickets_joined.*,
        case
            when tickets_joined.first_reply_at is not null
                then {{ cx_sla_minutes(
                    'first_reply_minutes', 'first_reply_business_minutes', 'is_first_reply_sla_in_business_hours'
                ) }}
            when tickets_joined.first_solved_at is not null
                then {{ cx_sla_minutes(
                    'first_reply_waiting_minutes_to_solve', 'first_reply_waiting_business_minutes_to_solve',
                    'is_first_reply_sla_in_business_hours'
                ) }}
            else {{ cx_sla_minutes(
                'first_reply_waiting_minutes_at_as_of', 'first_reply_waiting_business_minutes_at_as_of',
                'is_first_reply_sla_in_business_hours'
            ) }}
        end as first_reply_sla_elapsed_minutes,
        greatest(
            {{ cx_sla_minutes(
                'next_reply_max_minutes', 'next_reply_max_business_minutes', 'is_next_reply_sla_in_business_hours'
            ) }},
            case
                when not tickets_joined.is_solved
                    then {{ cx_sla_minutes(
                        'next_reply_unreplied_minutes_at_as_of', 'next_reply_unreplied_business_minutes_at_as_of',
                        'is_next_reply_sla_in_business_hours'
                    ) }}
            end
        ) as next_reply_sla_elapsed_minutes,
        case
            when
                tickets_joined.is_solved
                then {{ cx_sla_minutes(
                    'full_resolution_minutes', 'full_resolution_business_minutes', 'is_resolution_sla_in_business_hours'
                ) }}
            else {{ cx_sla_minutes(
                'age_minutes_at_as_of', 'age_business_minutes_at_as_of', 'is_resolution_sla_in_business_hours'
            ) }}
        end as resolution_sla_elapsed_minutes

    from tickets_joined

),

final as (

    select
        ticket_id,
        coalesce(has_sla_policy, false) as has_sla_policy,
        sla_policy_source,
        sla_policy_id,
        is_sla_in_business_hours,
        case when not is_agent_created then first_reply_target_minutes end as first_reply_target_minutes,
        is_first_reply_sla_in_business_hours,
        -- Minutes chosen by a case (or greatest) are cast again so they keep decimal(28,6) on every engine.
        cast(first_reply_sla_elapsed_minutes as {{ dbt.type_numeric() }}) as first_reply_sla_elapsed_minutes,
        case
            when not is_agent_created then first_reply_sla_elapsed_minutes > first_reply_target_minutes
        end as is_first_reply_sla_breached,
        coalesce(
            not is_agent_created
            and first_reply_at is null
            and not coalesce(is_solved, false)
            and first_reply_sla_elapsed_minutes > first_reply_target_minutes,
            false
        ) as is_open_breach,
        next_reply_target_minutes,
        is_next_reply_sla_in_business_hours,
        cast(next_reply_sla_elapsed_minutes as {{ dbt.type_numeric() }}) as next_reply_sla_elapsed_minutes,
        next_reply_sla_elapsed_minutes > next_reply_target_minutes as is_next_reply_sla_breached,
        resolution_target_minutes,
        is_resolution_sla_in_business_hours,
        cast(resolution_sla_elapsed_minutes as {{ dbt.type_numeric() }}) as resolution_sla_elapsed_minutes,
        resolution_sla_elapsed_minutes > resolution_target_minutes as is_resolution_sla_breached

    from sla_elapsed

)

select * from final
