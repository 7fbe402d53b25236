{#-
    One row per ticket whose per-ticket rows the incremental models rebuild in this build
    (docs/incremental.md): a ticket with any row (the ticket, its events, schedules, SLA
    policies, survey invitations and responses) that arrived or changed since the previous build (macro cx_changed_since_build, lookback var cx_incremental_lookback_hours),
    every ticket with a quarantined event (another ticket's new event can make one of its events
    a duplicate), every ticket validated again since the previous build (it may have entered or
    left staging: base_cx__tickets.validated_at), and every ticket not solved by its latest status change, whose open durations
    and breaches run to the build's "now". Every ticket when a reference row (agents, business
    hours, holidays, SLA policies) was loaded after the previous build, and on a full build.
    On a first build or --full-refresh (cx_is_first_build) the events are not read: every
    staged ticket is changed then, and every event belongs to one of them (its validation
    quarantines orphans), so the list is the same without them.
-#}
{{ config(materialized='table') }}

with

int_incremental_watermarks as (

    select * from {{ ref('int_incremental_watermarks') }}

),

stg_cx__tickets as (

    select * from {{ ref('stg_cx__tickets') }}

),

base_cx__tickets as (

    select * from {{ ref('base_cx__tickets') }}

),

stg_cx__ticket_events as (

    select * from {{ ref('stg_cx__ticket_events') }}
    {%- if cx_is_first_build() %}
        where 1 = 0
    {%- endif %}

),

stg_cx__ticket_schedules as (

    select * from {{ ref('stg_cx__ticket_schedules') }}

),

stg_cx__ticket_sla_policies as (

    select * from {{ ref('stg_cx__ticket_sla_policies') }}

),

stg_cx__survey_invitations as (

    select * from {{ ref('stg_cx__survey_invitations') }}

),

stg_cx__survey_responses as (

    select * from {{ ref('stg_cx__survey_responses') }}

),

stg_cx__agents as (

    select * from {{ ref('stg_cx__agents') }}

),

stg_cx__business_hours as (

    select * from {{ ref('stg_cx__business_hours') }}

),

stg_cx__holidays as (

    select * from {{ ref('stg_cx__holidays') }}

),

stg_cx__sla_policies as (

    select * from {{ ref('stg_cx__sla_policies') }}

),

stg_cx__sla_policy_targets as (

    select * from {{ ref('stg_cx__sla_policy_targets') }}

),

changed_tickets as (

    select stg_cx__tickets.ticket_id
    from stg_cx__tickets
    cross join int_incremental_watermarks as watermarks
    where {{ cx_changed_since_build(
        ['stg_cx__tickets.created_at'], 'stg_cx__tickets._loaded_at'
    ) }}

    union all

    -- A ticket with a quarantined event, whatever its own rows: a new event on another ticket
    -- that shares an event_id can make its event the duplicate, or no longer (the validation
    -- re-checks every ticket holding a shared event_id), without a new row of its own.
    select stg_cx__tickets.ticket_id
    from stg_cx__tickets
    where stg_cx__tickets.has_quarantined_events

    union all

    -- A ticket whose raw rows were validated again since the previous build: its customer may
    -- have arrived (it enters staging) or its new row may name an unknown customer (it leaves
    -- staging; the per-ticket models' pre-hook deletes its rows) with no timestamp of its own
    -- changing. None on a full build (no previous build; every staged ticket is listed above).
    select base_cx__tickets.ticket_id
    from base_cx__tickets
    cross join int_incremental_watermarks as watermarks
    where base_cx__tickets.validated_at > watermarks.previous_built_at

    union all

    select stg_cx__ticket_events.ticket_id
    from stg_cx__ticket_events
    cross join int_incremental_watermarks as watermarks
    where {{ cx_changed_since_build(
        ['stg_cx__ticket_events.event_at'], 'stg_cx__ticket_events._loaded_at'
    ) }}

    union all

    select stg_cx__ticket_schedules.ticket_id
    from stg_cx__ticket_schedules
    cross join int_incremental_watermarks as watermarks
    where {{ cx_changed_since_build(
        ['stg_cx__ticket_schedules.valid_from_at'], 'stg_cx__ticket_schedules._loaded_at'
    ) }}

    union all

    select stg_cx__ticket_sla_policies.ticket_id
    from stg_cx__ticket_sla_policies
    cross join int_incremental_watermarks as watermarks
    where {{ cx_changed_since_build(
        ['stg_cx__ticket_sla_policies.applied_at'], 'stg_cx__ticket_sla_policies._loaded_at'
    ) }}

    union all

    select stg_cx__survey_invitations.ticket_id
    from stg_cx__survey_invitations
    cross join int_incremental_watermarks as watermarks
    where {{ cx_changed_since_build(
        ['stg_cx__survey_invitations.sent_at'], 'stg_cx__survey_invitations._loaded_at'
    ) }}

    union all

    select stg_cx__survey_responses.ticket_id
    from stg_cx__survey_responses
    cross join int_incremental_watermarks as watermarks
    where {{ cx_changed_since_build(
        ['stg_cx__survey_responses.responded_at', 'stg_cx__survey_responses.followed_up_at'],
        'stg_cx__survey_responses._loaded_at'
    ) }}

),

-- Reference rows (agents, business hours, holidays, SLA policies and targets) loaded
-- after the previous build's latest load: they may change every ticket, so every ticket rebuilds.
reference_rows_loaded as (

    select stg_cx__agents._loaded_at
    from stg_cx__agents
    cross join int_incremental_watermarks as watermarks
    where
        watermarks.previous_loaded_through_at is not null
        and stg_cx__agents._loaded_at > watermarks.previous_loaded_through_at
    union all

    select stg_cx__business_hours._loaded_at
    from stg_cx__business_hours
    cross join int_incremental_watermarks as watermarks
    where
        watermarks.previous_loaded_through_at is not null
        and stg_cx__business_hours._loaded_at > watermarks.previous_loaded_through_at
    union all

    select stg_cx__holidays._loaded_at
    from stg_cx__holidays
    cross join int_incremental_watermarks as watermarks
    where
        watermarks.previous_loaded_through_at is not null
        and stg_cx__holidays._loaded_at > watermarks.previous_loaded_through_at
    union all

    select stg_cx__sla_policies._loaded_at
    from stg_cx__sla_policies
    cross join int_incremental_watermarks as watermarks
    where
        watermarks.previous_loaded_through_at is not null
        and stg_cx__sla_policies._loaded_at > watermarks.previous_loaded_through_at
    union all

    select stg_cx__sla_policy_targets._loaded_at
    from stg_cx__sla_policy_targets
    cross join int_incremental_watermarks as watermarks
    where
        watermarks.previous_loaded_through_at is not null
        and stg_cx__sla_policy_targets._loaded_at > watermarks.previous_loaded_through_at

),

-- A ticket is solved when its latest status change (ties: any of them) says solved or closed.
solved_tickets as (

    select ticket_id
    from stg_cx__ticket_events
    where event_type = 'status_change'
    group by ticket_id
    having
        max(case when status in ('solved', 'closed') then event_at end)
        > coalesce(
            max(case when status not in ('solved', 'closed') then event_at end),
            cast('1900-01-01' as {{ dbt.type_timestamp() }})
        )

),

open_tickets as (

    select stg_cx__tickets.ticket_id
    from stg_cx__tickets
    left join solved_tickets
        on stg_cx__tickets.ticket_id = solved_tickets.ticket_id
    where solved_tickets.ticket_id is null

),

final as (

    select ticket_id
    from changed_tickets
    where ticket_id is not null
    union
    select ticket_id from open_tickets
    union
    select stg_cx__tickets.ticket_id
    from stg_cx__tickets
    where exists (select 1 from reference_rows_loaded)

)

select * from final
