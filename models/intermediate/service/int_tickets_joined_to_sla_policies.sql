{#-
    One row per ticket with the SLA policy of its (priority, channel), if there is one. A ticket
    without a policy has null targets: its SLA is not measured (neither attained nor breached).
-#}
with

stg_cx__tickets as (

    select * from {{ ref('stg_cx__tickets') }}

),

stg_cx__sla_policies as (

    select * from {{ ref('stg_cx__sla_policies') }}

),

final as (

    select
        stg_cx__tickets.ticket_id,
        stg_cx__tickets.priority,
        stg_cx__tickets.channel,
        stg_cx__sla_policies.priority is not null as has_sla_policy,
        stg_cx__sla_policies.in_business_hours as is_sla_in_business_hours,
        stg_cx__sla_policies.first_reply_target_minutes,
        stg_cx__sla_policies.next_reply_target_minutes,
        stg_cx__sla_policies.resolution_target_minutes

    from stg_cx__tickets
    left join stg_cx__sla_policies
        on
            stg_cx__tickets.priority = stg_cx__sla_policies.priority
            and stg_cx__tickets.channel = stg_cx__sla_policies.channel

)

select * from final
