{#-
    One row per ticket with the SLA targets it is measured by (docs/metrics.md "Service", "SLA
    policy"), from one of two rule sets:
      ticket_policy     the ticket has a per-ticket policy (ticket_sla_policies): the policy in
                        force is its latest applied one (applied_at), and its targets are that
                        policy's rows of sla_policy_targets for the ticket's priority, each metric
                        with its own business/calendar flag. A metric the policy sets no target
                        for is not measured (as in Zendesk); the (priority, channel) rule does not
                        fill it in.
      priority_channel  otherwise, the sla_policies row of the ticket's (priority, channel), one
                        flag for all its targets (the rule of v1 data, unchanged).
    A ticket under neither has null targets: its SLA is not measured (neither attained nor breached).
-#}
with

stg_cx__tickets as (

    select * from {{ ref('stg_cx__tickets') }}

),

stg_cx__sla_policies as (

    select * from {{ ref('stg_cx__sla_policies') }}

),

stg_cx__ticket_sla_policies as (

    select * from {{ ref('stg_cx__ticket_sla_policies') }}

),

stg_cx__sla_policy_targets as (

    select * from {{ ref('stg_cx__sla_policy_targets') }}

),

ticket_policies_ranked as (

    select
        ticket_id,
        policy_id,
        -- (ticket_id, applied_at) is the key: no ties
        row_number() over (partition by ticket_id order by applied_at desc) as recency_rank

    from stg_cx__ticket_sla_policies

),

ticket_policies_in_force as (

    select
        ticket_id,
        policy_id

    from ticket_policies_ranked
    where recency_rank = 1

),

-- One left join per metric on the key (policy_id, priority, metric): at most one row each.
ticket_policy_targets as (

    select
        ticket_policies_in_force.ticket_id,
        ticket_policies_in_force.policy_id,
        first_reply.target_minutes as first_reply_target_minutes,
        first_reply.in_business_hours as is_first_reply_sla_in_business_hours,
        next_reply.target_minutes as next_reply_target_minutes,
        next_reply.in_business_hours as is_next_reply_sla_in_business_hours,
        resolution.target_minutes as resolution_target_minutes,
        resolution.in_business_hours as is_resolution_sla_in_business_hours

    from ticket_policies_in_force
    inner join stg_cx__tickets
        on ticket_policies_in_force.ticket_id = stg_cx__tickets.ticket_id
    left join stg_cx__sla_policy_targets as first_reply
        on
            ticket_policies_in_force.policy_id = first_reply.policy_id
            and stg_cx__tickets.priority = first_reply.priority
            and first_reply.metric = 'first_reply'
    left join stg_cx__sla_policy_targets as next_reply
        on
            ticket_policies_in_force.policy_id = next_reply.policy_id
            and stg_cx__tickets.priority = next_reply.priority
            and next_reply.metric = 'next_reply'
    left join stg_cx__sla_policy_targets as resolution
        on
            ticket_policies_in_force.policy_id = resolution.policy_id
            and stg_cx__tickets.priority = resolution.priority
            and resolution.metric = 'resolution'

),

-- How many of the ticket policy's targets count business minutes, and how many calendar minutes.
ticket_policy_clocks_counted as (

    select
        *,
        (case when is_first_reply_sla_in_business_hours then 1 else 0 end)
        + (case when is_next_reply_sla_in_business_hours then 1 else 0 end)
        + (case when is_resolution_sla_in_business_hours then 1 else 0 end) as business_targets,
        (case when not is_first_reply_sla_in_business_hours then 1 else 0 end)
        + (case when not is_next_reply_sla_in_business_hours then 1 else 0 end)
        + (case when not is_resolution_sla_in_business_hours then 1 else 0 end) as calendar_targets

    from ticket_policy_targets

),

tickets_joined as (

    select
        stg_cx__tickets.ticket_id,
        stg_cx__tickets.priority,
        stg_cx__tickets.channel,
        cast(
            case
                when ticket_policy.ticket_id is not null then 'ticket_policy'
                when stg_cx__sla_policies.priority is not null then 'priority_channel'
            end as {{ dbt.type_string() }}
        ) as sla_policy_source,
        ticket_policy.policy_id as sla_policy_id,
        ticket_policy.ticket_id is not null as has_ticket_policy,
        ticket_policy.business_targets,
        ticket_policy.calendar_targets,
        ticket_policy.first_reply_target_minutes as ticket_first_reply_target_minutes,
        ticket_policy.next_reply_target_minutes as ticket_next_reply_target_minutes,
        ticket_policy.resolution_target_minutes as ticket_resolution_target_minutes,
        ticket_policy.is_first_reply_sla_in_business_hours as is_ticket_first_reply_sla_in_business_hours,
        ticket_policy.is_next_reply_sla_in_business_hours as is_ticket_next_reply_sla_in_business_hours,
        ticket_policy.is_resolution_sla_in_business_hours as is_ticket_resolution_sla_in_business_hours,
        stg_cx__sla_policies.in_business_hours as is_priority_channel_sla_in_business_hours,
        stg_cx__sla_policies.first_reply_target_minutes as priority_channel_first_reply_target_minutes,
        stg_cx__sla_policies.next_reply_target_minutes as priority_channel_next_reply_target_minutes,
        stg_cx__sla_policies.resolution_target_minutes as priority_channel_resolution_target_minutes

    from stg_cx__tickets
    left join ticket_policy_clocks_counted as ticket_policy
        on stg_cx__tickets.ticket_id = ticket_policy.ticket_id
    left join stg_cx__sla_policies
        on
            stg_cx__tickets.priority = stg_cx__sla_policies.priority
            and stg_cx__tickets.channel = stg_cx__sla_policies.channel

),

final as (

    select
        ticket_id,
        priority,
        channel,
        sla_policy_source is not null as has_sla_policy,
        sla_policy_source,
        sla_policy_id,
        -- One flag for the whole ticket: the per-ticket policy's when all its targets agree (null
        -- when they mix business and calendar minutes, or it has none for the ticket's priority).
        case
            when not has_ticket_policy then is_priority_channel_sla_in_business_hours
            when business_targets > 0 and calendar_targets = 0 then true
            when calendar_targets > 0 and business_targets = 0 then false
        end as is_sla_in_business_hours,
        case
            when has_ticket_policy then ticket_first_reply_target_minutes
            else priority_channel_first_reply_target_minutes
        end as first_reply_target_minutes,
        -- the flag of each metric's target; null when there is no target
        case
            when has_ticket_policy then is_ticket_first_reply_sla_in_business_hours
            when priority_channel_first_reply_target_minutes is not null then is_priority_channel_sla_in_business_hours
        end as is_first_reply_sla_in_business_hours,
        case
            when has_ticket_policy then ticket_next_reply_target_minutes
            else priority_channel_next_reply_target_minutes
        end as next_reply_target_minutes,
        case
            when has_ticket_policy then is_ticket_next_reply_sla_in_business_hours
            when priority_channel_next_reply_target_minutes is not null then is_priority_channel_sla_in_business_hours
        end as is_next_reply_sla_in_business_hours,
        case
            when has_ticket_policy then ticket_resolution_target_minutes
            else priority_channel_resolution_target_minutes
        end as resolution_target_minutes,
        case
            when has_ticket_policy then is_ticket_resolution_sla_in_business_hours
            when priority_channel_resolution_target_minutes is not null then is_priority_channel_sla_in_business_hours
        end as is_resolution_sla_in_business_hours

    from tickets_joined

)

select * from final
