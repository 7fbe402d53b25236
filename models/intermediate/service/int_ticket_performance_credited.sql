{#-
    What each ticket credits to each agent and each group per period: one row per period
    (period_type from var cx_voc_periods, period_start), credited_type ('agent' or 'group'),
    credited_to (the agent id, or the group name, '(none)' without one) and ticket, with the 0/1
    flags, minutes and counts that mart_agent_performance and mart_group_performance add up.
    Actions count in the period they were made (int_ticket_actions_attributed). An agent is
    credited with the actions of counted agents (is_agent_counted) except group assignments; a
    group with every action but agent assignments and those of known bots and system users. A
    ticket's first reply minutes count in the row holding its first reply; its one-touch and SLA
    in the rows holding a solve. docs/metrics.md "Agents and groups".

    Incremental (docs/incremental.md): rebuilds the tickets of int_tickets_to_rebuild and keeps
    each rebuilt row's changed_at when the row is the same as before, so that the marts recompute
    only the periods whose rows changed (changed_at, the latest build's). A row that a rebuilt
    ticket no longer has is kept as is_withdrawn until the ticket is next rebuilt: the marts
    recompute its period and count it no more.
-#}
{{ config(
    materialized=cx_incremental_materialized(),
    incremental_strategy='delete+insert',
    unique_key='ticket_id',
    on_schema_change='append_new_columns',
) }}

{%- set keys = ['ticket_id', 'period_type', 'period_start', 'credited_type', 'credited_to'] -%}
{%- set measures = [
    'is_assigned', 'is_solved', 'public_replies', 'is_first_replied', 'first_reply_minutes',
    'first_reply_business_minutes', 'is_one_touch_solved', 'is_reopened_solved', 'is_sla_solved',
    'is_sla_breached_solved', 'csat_responses', 'csat_satisfied_responses', 'handoffs',
] %}

with

int_ticket_actions_attributed as (

    select * from {{ ref('int_ticket_actions_attributed') }}
    {{- cx_rebuild_filter('ticket_id', 'int_tickets_to_rebuild') }}

),

int_tickets_replies_summarized as (

    select * from {{ ref('int_tickets_replies_summarized') }}
    {{- cx_rebuild_filter('ticket_id', 'int_tickets_to_rebuild') }}

),

int_tickets_status_summarized as (

    select * from {{ ref('int_tickets_status_summarized') }}
    {{- cx_rebuild_filter('ticket_id', 'int_tickets_to_rebuild') }}

),

int_tickets_durations_clocked as (

    select * from {{ ref('int_tickets_durations_clocked') }}
    {{- cx_rebuild_filter('ticket_id', 'int_tickets_to_rebuild') }}

),

int_tickets_sla_measured as (

    select * from {{ ref('int_tickets_sla_measured') }}
    {{- cx_rebuild_filter('ticket_id', 'int_tickets_to_rebuild') }}

),

period_types as (

    {{ cx_period_types() }}

),

-- Each action once for the agent it credits and once for the group it credits.
credited_actions as (

    select
        ticket_id,
        action_type,
        acted_at,
        'agent' as credited_type,
        agent_id as credited_to,
        is_reopened_after,
        csat_responses,
        csat_satisfied_responses

    from int_ticket_actions_attributed
    where
        is_agent_counted
        and action_type <> 'group_assignment'

    union all

    select
        ticket_id,
        action_type,
        acted_at,
        'group' as credited_type,
        coalesce(group_name, '(none)') as credited_to,
        is_reopened_after,
        csat_responses,
        csat_satisfied_responses

    from int_ticket_actions_attributed
    where
        not is_bot_or_system
        and action_type <> 'agent_assignment'

),

-- An assignment (of the agent, or into the group), a first reply or a solve counts once per
-- period, agent or group, and ticket, however many times it happened; replies and handoffs
-- count every time.
per_ticket as (

    select
        credited_actions.ticket_id,
        period_types.period_type,
        {{ cx_period_start('period_types.period_type', 'credited_actions.acted_at') }} as period_start,
        credited_actions.credited_type,
        credited_actions.credited_to,
        max(case when credited_actions.action_type in ('agent_assignment', 'group_assignment') then 1 else 0 end)
            as is_assigned,
        max(case when credited_actions.action_type = 'solve' then 1 else 0 end) as is_solved,
        sum(case when credited_actions.action_type = 'public_reply' then 1 else 0 end) as public_replies,
        max(case when credited_actions.action_type = 'first_reply' then 1 else 0 end) as is_first_replied,
        max(case when credited_actions.action_type = 'solve' and credited_actions.is_reopened_after then 1 else 0 end)
            as is_reopened_solved,
        sum(case when credited_actions.action_type = 'solve' then credited_actions.csat_responses else 0 end)
            as csat_responses,
        sum(case when credited_actions.action_type = 'solve' then credited_actions.csat_satisfied_responses else 0 end)
            as csat_satisfied_responses,
        sum(case when credited_actions.action_type = 'handoff' then 1 else 0 end) as handoffs

    from credited_actions
    cross join period_types
    group by 1, 2, 3, 4, 5

),

-- What the ticket's own row in fct_tickets says, from the same models and macros.
ticket_measures as (

    select
        replies.ticket_id,
        durations.first_reply_minutes,
        durations.first_reply_business_minutes,
        {{ cx_is_touch_solved(1) }} as is_one_touch,
        {{ cx_is_any_sla_breached('sla.') }} as is_any_sla_breached

    from int_tickets_replies_summarized as replies
    left join int_tickets_status_summarized as status
        on replies.ticket_id = status.ticket_id
    left join int_tickets_durations_clocked as durations
        on replies.ticket_id = durations.ticket_id
    left join int_tickets_sla_measured as sla
        on replies.ticket_id = sla.ticket_id

),

credited as (

    select
        per_ticket.ticket_id,
        per_ticket.period_type,
        per_ticket.period_start,
        per_ticket.credited_type,
        per_ticket.credited_to,
        per_ticket.is_assigned,
        per_ticket.is_solved,
        per_ticket.public_replies,
        per_ticket.is_first_replied,
        -- Minutes computed inside a case are cast again so they keep decimal(28,6) on every engine.
        cast(
            case when per_ticket.is_first_replied = 1 then ticket_measures.first_reply_minutes end
            as {{ dbt.type_numeric() }}
        ) as first_reply_minutes,
        cast(
            case when per_ticket.is_first_replied = 1 then ticket_measures.first_reply_business_minutes end
            as {{ dbt.type_numeric() }}
        ) as first_reply_business_minutes,
        case when per_ticket.is_solved = 1 and ticket_measures.is_one_touch then 1 else 0 end
            as is_one_touch_solved,
        per_ticket.is_reopened_solved,
        case
            when per_ticket.is_solved = 1 and ticket_measures.is_any_sla_breached is not null then 1
            else 0
        end as is_sla_solved,
        case when per_ticket.is_solved = 1 and ticket_measures.is_any_sla_breached then 1 else 0 end
            as is_sla_breached_solved,
        per_ticket.csat_responses,
        per_ticket.csat_satisfied_responses,
        per_ticket.handoffs

    from per_ticket
    left join ticket_measures
        on per_ticket.ticket_id = ticket_measures.ticket_id

),

-- The rows the rebuilt tickets had before this build (not withdrawn); none on a full build.
previous as (

    select
        {%- for column in keys + measures %}
            {{ column }},
        {%- endfor %}
        changed_at

    {%- if is_incremental() %}
        from {{ this }}
        where
            not is_withdrawn
            and ticket_id in (select ticket_id from {{ ref('int_tickets_to_rebuild') }})
    {%- else %}
        from (select credited.*, {{ cx_validated_at() }} as changed_at from credited) as no_previous_build
        where 1 = 0
    {%- endif %}

),

-- A rebuilt row the same as before keeps its changed_at; a new or changed row gets this build's.
compared as (

    select
        {%- for column in keys + measures %}
            credited.{{ column }},
        {%- endfor %}
        false as is_withdrawn,
        coalesce(previous.changed_at, {{ cx_validated_at() }}) as changed_at

    from credited
    left join previous
        on
            credited.ticket_id = previous.ticket_id
            and credited.period_type = previous.period_type
            and credited.period_start = previous.period_start
            and credited.credited_type = previous.credited_type
            and credited.credited_to = previous.credited_to
            {%- for measure in measures %}
                and credited.{{ measure }} is not distinct from previous.{{ measure }}
            {%- endfor %}

),

-- A row the ticket had and no longer has.
withdrawn as (

    select
        {%- for column in keys + measures %}
            previous.{{ column }},
        {%- endfor %}
        true as is_withdrawn,
        {{ cx_validated_at() }} as changed_at

    from previous
    where not exists (
        select 1
        from credited
        where
            credited.ticket_id = previous.ticket_id
            and credited.period_type = previous.period_type
            and credited.period_start = previous.period_start
            and credited.credited_type = previous.credited_type
            and credited.credited_to = previous.credited_to
    )

),

final as (

    select * from compared
    union all
    select * from withdrawn

)

select * from final
