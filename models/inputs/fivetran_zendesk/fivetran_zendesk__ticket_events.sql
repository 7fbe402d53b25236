{#-
    Ticket events from Zendesk: every comment of ticket_comment (event_id = the comment id,
    is_public = public) and every status change of ticket_field_history (field status; event_id
    = ticket id ':status:' time), deleted comments out. actor_type from the author's user.role:
    end-user -> customer, a role of var cx_agent_roles (agent, admin, and the bot / system users
    an account keeps as users) -> agent, no user or a negative id (Zendesk's automations and
    triggers) -> system; another role passes unchanged (unknown_enum), an author
    who is not in the user table reads as null (missing_required). actor_id = the author (null
    for the system).
    When var cx_event_types lists 'assignment', every moment the field assignee_id or group_id
    changed is one assignment event with the assignee and the group in force from then on (the
    latest value of each at that moment).
-#}
{{ config(enabled=var('cx_input_format', 'contract') == 'fivetran_zendesk') }}

with

zendesk_ticket_comment as (

    {{ cx_fivetran_zendesk_read('ticket_comment', {
        'id': 'bigint', 'ticket_id': 'bigint', 'user_id': 'bigint', 'created': 'timestamp', 'public': 'boolean',
        '_fivetran_deleted': 'boolean', '_fivetran_synced': 'timestamp',
    }) }}

),

zendesk_ticket_field_history as (

    {{ cx_fivetran_zendesk_read('ticket_field_history', {
        'ticket_id': 'bigint', 'field_name': 'text', 'updated': 'timestamp', 'value': 'text', 'user_id': 'bigint',
        '_fivetran_synced': 'timestamp',
    }) }}

),

zendesk_user as (

    {{ cx_fivetran_zendesk_read('user', {'id': 'bigint', 'role': 'text'}) }}

),

comments as (

    select
        {{ cx_fivetran_zendesk_id('id') }} as event_id,
        ticket_id,
        created as event_at,
        user_id,
        'comment' as event_type,
        public as is_public,
        cast(null as {{ dbt.type_string() }}) as status,
        cast(null as {{ dbt.type_string() }}) as assignee_id,
        cast(null as {{ dbt.type_string() }}) as group_name,
        _fivetran_synced

    from zendesk_ticket_comment
    where not coalesce(_fivetran_deleted, false)

),

status_changes as (

    select
        {{ dbt.concat([cx_fivetran_zendesk_id('ticket_id'), "':status:'",
                       'cast(updated as ' ~ dbt.type_string() ~ ')']) }} as event_id,
        ticket_id,
        updated as event_at,
        user_id,
        'status_change' as event_type,
        false as is_public,
        value as status,
        cast(null as {{ dbt.type_string() }}) as assignee_id,
        cast(null as {{ dbt.type_string() }}) as group_name,
        _fivetran_synced

    from zendesk_ticket_field_history
    where field_name = 'status'

),

{% if 'assignment' in var('cx_event_types') %}
zendesk_group as (

    {{ cx_fivetran_zendesk_read('group', {'id': 'bigint', 'name': 'text'}) }}

),

assignment_changes as (

    select * from zendesk_ticket_field_history
    where field_name in ('assignee_id', 'group_id')

),

assignment_moments as (

    select
        ticket_id,
        updated,
        max(user_id) as user_id,
        max(_fivetran_synced) as _fivetran_synced

    from assignment_changes
    group by ticket_id, updated

),

values_in_force as (

    select
        assignment_moments.ticket_id,
        assignment_moments.updated,
        assignment_changes.field_name,
        assignment_changes.value,
        row_number() over (
            partition by assignment_moments.ticket_id, assignment_moments.updated, assignment_changes.field_name
            order by assignment_changes.updated desc
        ) as recency

    from assignment_moments
    inner join assignment_changes
        on
            assignment_moments.ticket_id = assignment_changes.ticket_id
            and assignment_changes.updated <= assignment_moments.updated

),

assignments as (

    select
        {{ dbt.concat([cx_fivetran_zendesk_id('assignment_moments.ticket_id'), "':assignment:'",
                       'cast(assignment_moments.updated as ' ~ dbt.type_string() ~ ')']) }} as event_id,
        assignment_moments.ticket_id,
        assignment_moments.updated as event_at,
        assignment_moments.user_id,
        'assignment' as event_type,
        false as is_public,
        cast(null as {{ dbt.type_string() }}) as status,
        assignee_in_force.value as assignee_id,
        zendesk_group.name as group_name,
        assignment_moments._fivetran_synced

    from assignment_moments
    left join values_in_force as assignee_in_force
        on
            assignment_moments.ticket_id = assignee_in_force.ticket_id
            and assignment_moments.updated = assignee_in_force.updated
            and assignee_in_force.field_name = 'assignee_id'
            and assignee_in_force.recency = 1
    left join values_in_force as group_in_force
        on
            assignment_moments.ticket_id = group_in_force.ticket_id
            and assignment_moments.updated = group_in_force.updated
            and group_in_force.field_name = 'group_id'
            and group_in_force.recency = 1
    left join zendesk_group
        on group_in_force.value = {{ cx_fivetran_zendesk_id('zendesk_group.id') }}

),
{% endif %}

events as (

    select * from comments
    union all
    select * from status_changes
    {%- if 'assignment' in var('cx_event_types') %}
    union all
    select * from assignments
    {%- endif %}

),

final as (

    select
        events.event_id,
        {{ cx_fivetran_zendesk_id('events.ticket_id') }} as ticket_id,
        events.event_at,
        case
            when events.user_id is null or events.user_id < 0 then 'system'
            when author.role = 'end-user' then 'customer'
            when author.role in ({{ "'" ~ var('cx_agent_roles') | join("', '") ~ "'" }}) then 'agent'
            else author.role
        end as actor_type,
        events.event_type,
        events.is_public,
        events.status,
        case
            when events.user_id >= 0 then {{ cx_fivetran_zendesk_id('events.user_id') }}
        end as actor_id,
        events.assignee_id,
        events.group_name,
        events._fivetran_synced as _loaded_at

    from events
    left join zendesk_user as author
        on events.user_id = author.id

)

select * from final
