{#-
    SLA targets from Zendesk's sla_policy_metric_history: the latest version of each policy
    (its rows with the newest sla_policy_updated_at). Metrics: first_reply_time -> first_reply,
    next_reply_time -> next_reply, total_resolution_time -> resolution; Zendesk's metrics without
    a counterpart here (periodic_update_time, requester_wait_time, agent_work_time,
    pausable_update_time, group_ownership_time) are left out; any other passes unchanged
    (unknown_enum). target in minutes; business_hours -> in_business_hours.
-#}
{{ config(enabled=var('cx_input_format', 'contract') == 'fivetran_zendesk') }}

with

zendesk_sla_policy_metric_history as (

    {{ cx_fivetran_zendesk_read('sla_policy_metric_history', {
        'sla_policy_id': 'bigint', 'sla_policy_updated_at': 'timestamp', 'metric': 'text', 'priority': 'text',
        'target': 'bigint', 'business_hours': 'boolean', '_fivetran_synced': 'timestamp',
    }) }}

),

latest_versions as (

    select
        sla_policy_id,
        max(sla_policy_updated_at) as sla_policy_updated_at

    from zendesk_sla_policy_metric_history
    group by sla_policy_id

),

final as (

    select
        {{ cx_fivetran_zendesk_id('targets.sla_policy_id') }} as policy_id,
        targets.priority,
        case targets.metric
            when 'first_reply_time' then 'first_reply'
            when 'next_reply_time' then 'next_reply'
            when 'total_resolution_time' then 'resolution'
            else targets.metric
        end as metric,
        targets.target as target_minutes,
        targets.business_hours as in_business_hours,
        targets._fivetran_synced as _loaded_at

    from zendesk_sla_policy_metric_history as targets
    inner join latest_versions
        on
            targets.sla_policy_id = latest_versions.sla_policy_id
            and targets.sla_policy_updated_at = latest_versions.sla_policy_updated_at
    where
        targets.metric not in (
            'periodic_update_time', 'requester_wait_time', 'agent_work_time', 'pausable_update_time',
            'group_ownership_time'
        )

)

select * from final
