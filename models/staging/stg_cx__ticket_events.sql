{#-
    A view, unlike the other staging models: its readers (the per-ticket models, which on
    incremental runs read only the tickets they rebuild, and the data tests) each pay one scan of
    base_cx__ticket_events, less than writing its ten million rows again at a million tickets.
    event_at is the timestamp the validation parsed (event_at_parsed), not parsed again here
    (only rows that an earlier version validated, without event_at_parsed, are).
-#}
{{ config(materialized='view') }}

with

validated as (

    select * from {{ ref('base_cx__ticket_events') }}
    where reject_reason is null

),

final as (

    select
        event_id,
        ticket_id,
        -- the text is parsed only for rows validated by an earlier version (no event_at_parsed)
        coalesce(event_at_parsed, {{ cx_cast_validated('event_at', 'timestamp') }}) as event_at,
        lower(actor_type) as actor_type,
        lower(event_type) as event_type,
        -- a field with a bad value (its *_reject_reason, field_values_rejected) is null
        coalesce({{ cx_try_cast('is_public', 'boolean') }}, false) as is_public,
        case when status_reject_reason is null then lower(status) end as status,
        actor_id,
        assignee_id,
        group_name,
        _loaded_at

    from validated

)

select * from final
