{#- The SLA policies applied to tickets, from Zendesk's ticket_sla_policy (absent = none). -#}
{{ config(enabled=var('cx_input_format', 'contract') == 'fivetran_zendesk') }}

with

zendesk_ticket_sla_policy as (

    {{ cx_fivetran_zendesk_read('ticket_sla_policy', {
        'ticket_id': 'bigint', 'sla_policy_id': 'bigint', 'policy_applied_at': 'timestamp',
        '_fivetran_synced': 'timestamp',
    }) }}

),

final as (

    select
        {{ cx_fivetran_zendesk_id('ticket_id') }} as ticket_id,
        {{ cx_fivetran_zendesk_id('sla_policy_id') }} as policy_id,
        policy_applied_at as applied_at,
        _fivetran_synced as _loaded_at

    from zendesk_ticket_sla_policy

)

select * from final
