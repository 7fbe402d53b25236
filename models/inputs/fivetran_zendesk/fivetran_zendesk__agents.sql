{#-
    Agents = Zendesk users that are not end users (role agent or admin; another role passes
    unchanged, so the validation layer quarantines it as unknown_enum), deleted rows out.
    group_name = the name of the user's default_group_id when the user table has that column;
    is_active = active and not suspended.
-#}
{{ config(enabled=var('cx_input_format', 'contract') == 'fivetran_zendesk') }}

with

zendesk_user as (

    {{ cx_fivetran_zendesk_read('user', {
        'id': 'bigint', 'name': 'text', 'role': 'text', 'active': 'boolean', 'suspended': 'boolean',
        'default_group_id': 'bigint', '_fivetran_deleted': 'boolean', '_fivetran_synced': 'timestamp',
    }) }}

),

zendesk_group as (

    {{ cx_fivetran_zendesk_read('group', {'id': 'bigint', 'name': 'text'}) }}

),

final as (

    select
        {{ cx_fivetran_zendesk_id('zendesk_user.id') }} as agent_id,
        zendesk_user.name,
        zendesk_group.name as group_name,
        zendesk_user.role,
        zendesk_user.active and not coalesce(zendesk_user.suspended, false) as is_active,
        zendesk_user._fivetran_synced as _loaded_at

    from zendesk_user
    left join zendesk_group
        on zendesk_user.default_group_id = zendesk_group.id
    where
        coalesce(zendesk_user.role, '') <> 'end-user'
        and not coalesce(zendesk_user._fivetran_deleted, false)

)

select * from final
