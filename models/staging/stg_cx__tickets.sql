with

validated as (

    select * from {{ ref('base_cx__tickets') }}
    where reject_reason is null

),

base_cx__ticket_events as (

    select * from {{ ref('base_cx__ticket_events') }}

),

-- Tickets that lost at least one of their events to quarantine: their durations, replies and
-- SLA flags are computed without those events.
tickets_with_quarantined_events as (

    select distinct ticket_id
    from base_cx__ticket_events
    where reject_reason is not null

),

final as (

    select
        validated.ticket_id,
        validated.customer_id,
        lower(validated.channel) as channel,
        lower(validated.priority) as priority,
        {{ cx_cast_validated('validated.created_at', 'timestamp') }} as created_at,
        validated.subject,
        validated.assignee_id,
        validated.group_name,
        validated.via_social_post_id,
        tickets_with_quarantined_events.ticket_id is not null as has_quarantined_events,
        validated._loaded_at

    from validated
    left join tickets_with_quarantined_events
        on validated.ticket_id = tickets_with_quarantined_events.ticket_id

)

select * from final
