{#-
    Tickets from Zendesk's ticket table, deleted rows out. channel = via_channel through var
    cx_fivetran_zendesk_channels (a value not listed passes unchanged, so the validation layer
    quarantines it as unknown_enum:channel); a ticket without priority gets var
    cx_fivetran_zendesk_default_priority. customer_id = the requester when the requester is an
    end user (an agent's own ticket has none; an unknown requester passes, orphan_reference).
-#}
{{ config(enabled=var('cx_input_format', 'contract') == 'fivetran_zendesk') }}
{%- set default_priority = var('cx_fivetran_zendesk_default_priority') -%}

with

zendesk_ticket as (

    {{ cx_fivetran_zendesk_read('ticket', {
        'id': 'bigint', 'created_at': 'timestamp', 'subject': 'text', 'priority': 'text',
        'requester_id': 'bigint', 'assignee_id': 'bigint', 'group_id': 'bigint', 'via_channel': 'text',
        '_fivetran_deleted': 'boolean', '_fivetran_synced': 'timestamp',
    }) }}

),

zendesk_group as (

    {{ cx_fivetran_zendesk_read('group', {'id': 'bigint', 'name': 'text'}) }}

),

zendesk_user as (

    {{ cx_fivetran_zendesk_read('user', {'id': 'bigint', 'role': 'text'}) }}

),

tickets_kept as (

    select * from zendesk_ticket
    where not coalesce(_fivetran_deleted, false)

),

final as (

    select
        {{ cx_fivetran_zendesk_id('tickets_kept.id') }} as ticket_id,
        case
            when requester.role is null or requester.role = 'end-user'
                then {{ cx_fivetran_zendesk_id('tickets_kept.requester_id') }}
        end as customer_id,
        case lower(tickets_kept.via_channel)
            {% for via_channel, channel in var('cx_fivetran_zendesk_channels').items() -%}
                when '{{ via_channel }}' then '{{ channel }}'
            {% endfor -%}
            else tickets_kept.via_channel
        end as channel,
        coalesce(
            tickets_kept.priority, {{ "'" ~ default_priority ~ "'" if default_priority else 'null' }}
        ) as priority,
        tickets_kept.created_at,
        tickets_kept.subject,
        {{ cx_fivetran_zendesk_id('tickets_kept.assignee_id') }} as assignee_id,
        zendesk_group.name as group_name,
        cast(null as {{ dbt.type_string() }}) as via_social_post_id,
        tickets_kept._fivetran_synced as _loaded_at

    from tickets_kept
    left join zendesk_group
        on tickets_kept.group_id = zendesk_group.id
    left join zendesk_user as requester
        on tickets_kept.requester_id = requester.id

)

select * from final
