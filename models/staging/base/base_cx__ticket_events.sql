{#-
    Incremental (docs/incremental.md): on incremental runs, the rows of the tickets with a raw
    event or a ticket row that arrived or changed since this table's latest (lookback var
    cx_incremental_lookback_hours), of every ticket holding a stored event whose event_id such
    a raw event (or one without a ticket_id) holds too, and of every ticket whose acceptance
    may have turned (an event quarantined as an orphan, or an accepted event on a ticket not
    accepted now) are validated again and replace that ticket's rows; rows without a ticket_id
    are validated every run (the pre-hook removes the previous ones).
-#}
{{ config(
    materialized=cx_incremental_materialized(),
    incremental_strategy='delete+insert',
    on_schema_change='append_new_columns',
    unique_key='ticket_id',
    pre_hook="{% if is_incremental() %}delete from {{ this }} where ticket_id is null{% endif %}",
) }}
{{ cx_depends_on_demo_seed('ticket_events') }}
{#- This table's latest event and load time, i.e. the previous build's (read on incremental runs:
    cx_previous_validation): an accepted row's event is its parsed value, kept in
    event_at_parsed, else parsed without a shape check (cx_cast_validated). -#}
{%- set previous_build = cx_previous_validation(
    'coalesce(event_at_parsed, ' ~ cx_cast_validated('event_at', 'timestamp') ~ ')'
) %}
{%- set key_columns = ['event_id'] -%}
with

received as {{ cx_cte_inlined() }} (

    {{ cx_read_raw('ticket_events') }}

),

base_cx__tickets as (

    select * from {{ ref('base_cx__tickets') }}

),

-- On incremental runs (docs/incremental.md): the raw events that arrived or changed since this
-- table's latest, and those without a ticket_id (validated on every run); none on a full build.
-- event_at is read without the shape guard (cx_try_cast_unguarded: the guard over every raw
-- event would cost more than the rest of this filter), so a text that the rules reject may add
-- its event here, never leave one out.
events_changed as (  -- noqa: ST03

    {%- if is_incremental() %}
        select
            received.event_id,
            received.ticket_id

        from received
        cross join {{ previous_build }} as watermarks
        where
            received.ticket_id is null
            or {{ cx_changed_since_build(
                [cx_try_cast_unguarded('received.event_at', 'timestamp')], 'received._loaded_at'
            ) }}
    {%- else %}
        select
            event_id,
            ticket_id

        from received
        where 1 = 0
    {%- endif %}

),

-- On incremental runs: the tickets whose raw events are validated again, computed once; none
-- on a full build.
tickets_to_check as (  -- noqa: ST03

    {%- if is_incremental() %}
        select events_changed.ticket_id
        from events_changed

        union

        select base_cx__tickets.ticket_id
        from base_cx__tickets
        cross join {{ previous_build }} as watermarks
        where {{ cx_changed_since_build(
            [cx_try_cast_unguarded('base_cx__tickets.created_at', 'timestamp')], 'base_cx__tickets._loaded_at'
        ) }}

        union

        -- and every ticket holding a stored event whose event_id a changed (or ticketless) raw
        -- event holds too: the rows of a shared key are ranked together (cx_duplicates_ranked)
        -- whichever tickets they are on, so a new row can turn an old ticket's row into a
        -- duplicate; keys shared by unchanged rows only rank as they did
        select validated.ticket_id
        from {{ this }} as validated
        inner join events_changed
            on validated.event_id = events_changed.event_id

        union

        -- and every ticket whose acceptance may have turned since this table's build (a customer
        -- that arrived or left): those holding an event quarantined as an orphan, and those
        -- holding an accepted event whose ticket has no accepted row now (cx_keys_to_revalidate's
        -- rule for references, found through the few tickets with no accepted row: its
        -- anti-join of every stored event against the accepted tickets takes three times as
        -- long at 1M tickets, docs/performance.md)
        select validated.ticket_id
        from {{ this }} as validated
        where
            validated.reject_reason = 'orphan_reference'
            or (
                validated.reject_reason is null
                and validated.ticket_id in (
                    select base_cx__tickets.ticket_id
                    from base_cx__tickets
                    group by base_cx__tickets.ticket_id
                    having count(case when base_cx__tickets.reject_reason is null then 1 end) = 0
                )
            )
    {%- else %}
        select ticket_id
        from base_cx__tickets
        where 1 = 0
    {%- endif %}

),

-- On incremental runs, the raw rows of those tickets and the rows without a ticket_id, read
-- again with the ticket filter first (cx_read_raw converts the other columns of those rows
-- only) and stored once (`materialized`: a small share of the rows, which the checks below read
-- several times); on a full build every raw row, inlined like the CTEs below.
events_to_check as {{ cx_cte_stored_on_incremental_runs() }} (

    {{ cx_raw_rows_to_validate('ticket_events', 'ticket_id', 'tickets_to_check') }}

),

-- is_key_shared: another row holds the same key; cx_duplicates_ranked sorts only those rows.
-- The CTEs from received to row_rules_checked are inlined (cx_cte_inlined), so that the filters
-- on is_key_shared run before the rules and no row is stored on the way.
keys_flagged as {{ cx_cte_inlined() }} (

    {{ cx_key_shared_flagged('events_to_check', key_columns) }}

),

tickets as (

    select
        ticket_id,
        {{ cx_cast_validated('created_at', 'timestamp') }} as created_at

    from base_cx__tickets
    where reject_reason is null

),

-- event_at parsed once: the rules and the reference check below read event_at_parsed.
values_parsed as {{ cx_cte_inlined() }} (

    select
        *,
        {{ cx_try_cast('event_at', 'timestamp') }} as event_at_parsed

    from keys_flagged

),

row_rules_checked as {{ cx_cte_inlined() }} (

    select
        *,
        case
            when event_id is null then 'null_key:event_id'
            when ticket_id is null then 'missing_required:ticket_id'
            when event_at is null then 'missing_required:event_at'
            when actor_type is null then 'missing_required:actor_type'
            when event_type is null then 'missing_required:event_type'
            when {{ cx_is_unparseable('event_at', 'timestamp', 'event_at_parsed') }} then 'unparseable_value:event_at'
            when {{ cx_is_unknown_enum('actor_type', var('cx_event_actor_types')) }} then 'unknown_enum:actor_type'
            when {{ cx_is_unknown_enum('event_type', var('cx_event_types')) }} then 'unknown_enum:event_type'
            -- status is required for a status change only; on a comment a bad status nulls the field.
            -- An assignment needs nothing more: a null assignee_id means unassigned. actor_id and
            -- assignee_id are not checked against agents (that table is optional).
            when
                lower(event_type) = 'status_change'
                and {{ cx_is_unknown_enum('status', var('cx_ticket_statuses')) }}
                then 'unknown_enum:status'
            when lower(event_type) = 'status_change' and status is null then 'missing_required:status'
            when {{ cx_is_implausible_timestamp('event_at', 'event_at_parsed') }} then 'implausible_timestamp:event_at'
        end as broken_row_rule,
        -- Optional fields: a bad value nulls the field (field_values_rejected), the row is kept.
        case
            when {{ cx_is_unparseable('is_public', 'boolean') }} then 'unparseable_value'
        end as is_public_reject_reason,
        case
            when
                lower(event_type) != 'status_change'
                and {{ cx_is_unknown_enum('status', var('cx_ticket_statuses')) }}
                then 'unknown_enum'
        end as status_reject_reason

    from values_parsed

),

row_rules_ranked as (

    {{ cx_duplicates_ranked(
        'row_rules_checked',
        key_columns, 'broken_row_rule',
        ['event_id', 'ticket_id', 'event_at', 'actor_type', 'event_type', 'is_public', 'status']
    ) }}

),

rules_checked as (

    select
        *,
        case
            when broken_row_rule is not null then broken_row_rule
            when duplicate_rank > 1 then 'duplicate_key:event_id'
        end as broken_rule

    from row_rules_ranked

),

references_checked as (

    select
        rules_checked.*,
        case
            when rules_checked.broken_rule is not null then rules_checked.broken_rule
            when tickets.ticket_id is null then 'orphan_reference:ticket_id'
            when rules_checked.event_at_parsed < tickets.created_at
                then 'timestamp_out_of_order:event_at'
        end as final_rule

    from rules_checked
    left join tickets
        on rules_checked.ticket_id = tickets.ticket_id

),

final as (

    select
        event_id,
        ticket_id,
        -- the text only on quarantined rows, which the quarantine shows as received: an accepted
        -- row carries it parsed (event_at_parsed), and writing ten million texts costs more
        case when final_rule is not null then event_at end as event_at,
        actor_type,
        event_type,
        is_public,
        status,
        actor_id,
        assignee_id,
        group_name,
        _loaded_at,
        -- kept, so that stg_cx__ticket_events does not parse ten million texts again per reader
        event_at_parsed,
        {{ cx_rejection_columns('final_rule') }},
        is_public_reject_reason,
        status_reject_reason

    from references_checked

)

select * from final
