{#-
    One row per ticket staged in this build or in the previous one, flagged is_rebuilt when the
    per-ticket incremental models rebuild it in this build (docs/incremental.md;
    int_tickets_to_rebuild lists those): a ticket with any row (the ticket, its events,
    schedules, SLA policies, survey invitations and responses) that arrived or changed since the
    previous build (macro cx_changed_since_build, lookback var cx_incremental_lookback_hours),
    every ticket with a quarantined event (another ticket's new event can make one of its events
    a duplicate), every ticket staged now but not at the previous build or the other way round
    (a customer that arrives after its tickets lets them into staging, a new row naming an
    unknown customer takes one out, neither with a timestamp of the ticket's own), and every
    ticket not solved by its latest status change, whose open durations and breaches run to the
    build's "now". Every ticket when a reference row (agents, business hours, holidays, SLA
    policies) was loaded after the previous build, and on a full build.
    The previous build's staged tickets are this table's own rows with is_staged, read before
    it is replaced; a ticket that left staging keeps a row (is_staged false) for the build that
    sees it leave only. On a first build or --full-refresh (cx_is_first_build) neither the
    previous rows nor the events are read: every staged ticket is changed then, and every event
    belongs to one of them (its validation quarantines orphans), so the list is the same without
    them.
-#}
{{ config(materialized='table') }}
{#- This table as the previous build left it; none on a first build or --full-refresh. -#}
{%- set previous_build = none -%}
{%- if execute and not cx_is_first_build() -%}
    {%- set previous_build = adapter.get_relation(this.database, this.schema, this.identifier) -%}
{%- endif %}

with

int_incremental_watermarks as (

    select * from {{ ref('int_incremental_watermarks') }}

),

stg_cx__tickets as (

    select * from {{ ref('stg_cx__tickets') }}

),

-- The tickets the previous build staged; none on a full build.
previously_staged as (

    {%- if previous_build is not none %}
        select ticket_id
        from {{ previous_build }}
        where is_staged
    {%- else %}
        select ticket_id
        from stg_cx__tickets
        where 1 = 0
    {%- endif %}

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

    -- Staged now and not at the previous build: a customer that arrived after its tickets
    -- (its tickets' own rows are old), or a ticket accepted again. On a first build, every one.
    select stg_cx__tickets.ticket_id
    from stg_cx__tickets
    left join previously_staged
        on stg_cx__tickets.ticket_id = previously_staged.ticket_id
    where previously_staged.ticket_id is null

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

-- Staged at the previous build and not now (a new row quarantined the ticket): rebuilt, so
-- that the per-ticket models' pre-hook (cx_delete_rows_to_rebuild) deletes its rows.
left_staging as (

    select previously_staged.ticket_id
    from previously_staged
    left join stg_cx__tickets
        on previously_staged.ticket_id = stg_cx__tickets.ticket_id
    where stg_cx__tickets.ticket_id is null

),

tickets_rebuilt as (

    select ticket_id
    from changed_tickets
    where ticket_id is not null
    union
    select ticket_id from open_tickets
    union
    select stg_cx__tickets.ticket_id
    from stg_cx__tickets
    where exists (select 1 from reference_rows_loaded)

),

final as (

    select
        stg_cx__tickets.ticket_id,
        true as is_staged,
        tickets_rebuilt.ticket_id is not null as is_rebuilt

    from stg_cx__tickets
    left join tickets_rebuilt
        on stg_cx__tickets.ticket_id = tickets_rebuilt.ticket_id

    union all

    select
        ticket_id,
        false as is_staged,
        true as is_rebuilt

    from left_staging

)

select * from final
