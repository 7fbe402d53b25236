{#-
    What agents and groups did on tickets, one row per action, each credited to the agent and
    the group of its moment (docs/metrics.md "Agents and groups"); mart_agent_performance and
    mart_group_performance count these rows per period.

    action_type         credited to (agent_id)                      group_name
    agent_assignment    the new assignee                            the ticket's group then
    group_assignment    nobody (the ticket entered a group)         the group entered (null = none)
    handoff             the previous counted assignee               the group the ticket left
    public_reply        the comment's actor_id, else the assignee   the ticket's group then
                        at that moment (data without actor_id)
    first_reply         as public_reply, for the ticket's first     the ticket's group then
                        reply (fct_tickets.first_reply_at)
    solve               the assignee at the solving status change   the ticket's group then

    A solve carries whether the ticket was reopened after it (before any later solve) and the
    CSAT answers that followed it: an answer belongs to the ticket's latest solve at or before
    the moment it was given. is_agent_counted: the agent counts in the performance marts (with
    rows in agents, a known agent whose role is not bot or system; without agents, any id).
    is_bot_or_system: the agent is known in agents as a bot or system user.
-#}
{{ config(
    materialized=cx_incremental_materialized(),
    incremental_strategy='append',
    on_schema_change='append_new_columns',
    pre_hook="{{ cx_delete_rows_to_rebuild('ticket_id', 'int_tickets_to_rebuild') }}",
) }}

with

int_ticket_assignments_sequenced as (

    select * from {{ ref('int_ticket_assignments_sequenced') }}
    {{- cx_rebuild_filter('ticket_id', 'int_tickets_to_rebuild') }}

),

stg_cx__ticket_events as (

    select * from {{ ref('stg_cx__ticket_events') }}
    {{- cx_rebuild_filter('ticket_id', 'int_tickets_to_rebuild') }}

),

int_ticket_replies_paired as (

    select * from {{ ref('int_ticket_replies_paired') }}
    {{- cx_rebuild_filter('ticket_id', 'int_tickets_to_rebuild') }}

),

int_tickets_replies_summarized as (

    select * from {{ ref('int_tickets_replies_summarized') }}
    {{- cx_rebuild_filter('ticket_id', 'int_tickets_to_rebuild') }}

),

int_ticket_status_spells_sequenced as (

    select * from {{ ref('int_ticket_status_spells_sequenced') }}
    {{- cx_rebuild_filter('ticket_id', 'int_tickets_to_rebuild') }}

),

int_survey_responses_joined_to_invitations as (

    select * from {{ ref('int_survey_responses_joined_to_invitations') }}
    {{- cx_rebuild_filter('ticket_id', 'int_tickets_to_rebuild') }}

),

stg_cx__agents as (

    select * from {{ ref('stg_cx__agents') }}

),

agents_loaded as (

    select count(*) as agent_count
    from stg_cx__agents

),

-- The current spell (ended_at null) bounded by a far-future instant: a plain range condition
-- keeps the joins below hash joins on ticket_id (an OR in the condition made DuckDB compare
-- every comment with every spell).
assignment_spells_bounded as (

    select
        *,
        coalesce(ended_at, cast('9999-12-31' as {{ dbt.type_timestamp() }})) as ends_before

    from int_ticket_assignments_sequenced

),

public_agent_comments_all as (

    select
        ticket_id,
        event_id,
        event_at,
        actor_id,
        _loaded_at

    from stg_cx__ticket_events
    where
        event_type = 'comment'
        and is_public
        and actor_type = 'agent'

),

-- The opening comment of an agent-created ticket (int_tickets_replies_summarized.is_agent_created:
-- its first public comment is an agent's) is its description, not a reply: it is the ticket's
-- first public agent comment. Numbered on those tickets only, not on every public comment.
agent_created_tickets_comments_numbered as (

    select
        public_agent_comments_all.event_id,
        row_number() over (
            partition by public_agent_comments_all.ticket_id
            order by
                public_agent_comments_all.event_at,
                public_agent_comments_all._loaded_at,
                public_agent_comments_all.event_id
        ) as agent_comment_number

    from public_agent_comments_all
    inner join int_tickets_replies_summarized
        on public_agent_comments_all.ticket_id = int_tickets_replies_summarized.ticket_id
    where int_tickets_replies_summarized.is_agent_created

),

-- Replies as in fct_tickets.replies_count: public agent comments, except those descriptions.
public_agent_comments as (

    select
        public_agent_comments_all.ticket_id,
        public_agent_comments_all.event_id,
        public_agent_comments_all.event_at,
        public_agent_comments_all.actor_id

    from public_agent_comments_all
    left join agent_created_tickets_comments_numbered as descriptions
        on
            public_agent_comments_all.event_id = descriptions.event_id
            and descriptions.agent_comment_number = 1
    where descriptions.event_id is null

),

-- The assignment spell in force at each comment: the one that started at or before it and
-- had not ended.
public_replies_attributed as (

    select
        public_agent_comments.ticket_id,
        public_agent_comments.event_id,
        public_agent_comments.event_at,
        coalesce(public_agent_comments.actor_id, spells.assignee_id) as agent_id,
        spells.group_name

    from public_agent_comments
    left join assignment_spells_bounded as spells
        on
            public_agent_comments.ticket_id = spells.ticket_id
            and public_agent_comments.event_at >= spells.started_at
            and public_agent_comments.event_at < spells.ends_before

),

first_replies as (

    select distinct
        ticket_id,
        reply_event_id

    from int_ticket_replies_paired
    where
        is_oldest_unanswered
        and reply_round_number = 1
        and reply_event_id is not null

),

-- Solves and reopens only, in spell order: a solve was reopened after when the next of them is a
-- reopen (before any later solve). The other spells take no part, so they are left out.
solves_and_reopens_followed as (

    select
        ticket_id,
        spell_number,
        started_at,
        is_solve,
        lead(is_reopen) over (partition by ticket_id order by spell_number) as is_followed_by_reopen

    from int_ticket_status_spells_sequenced
    where is_solve or is_reopen

),

solves as (

    select
        ticket_id,
        spell_number,
        started_at as solved_at,
        coalesce(is_followed_by_reopen, false) as is_reopened_after

    from solves_and_reopens_followed
    where is_solve

),

csat_answers_placed as (

    select
        solves.ticket_id,
        solves.spell_number,
        responses.is_csat_satisfied,
        row_number() over (
            partition by responses.response_id
            order by solves.solved_at desc, solves.spell_number desc
        ) as solve_recency_rank

    from int_survey_responses_joined_to_invitations as responses
    inner join solves
        on
            responses.ticket_id = solves.ticket_id
            and responses.responded_at >= solves.solved_at
    where
        responses.survey_type = 'csat'
        and responses.is_csat_satisfied is not null

),

csat_answers_per_solve as (

    select
        ticket_id,
        spell_number,
        count(*) as csat_responses,
        sum(case when is_csat_satisfied then 1 else 0 end) as csat_satisfied_responses

    from csat_answers_placed
    where solve_recency_rank = 1
    group by ticket_id, spell_number

),

solves_attributed as (

    select
        solves.ticket_id,
        solves.spell_number,
        solves.solved_at,
        solves.is_reopened_after,
        spells.assignee_id as agent_id,
        spells.group_name,
        coalesce(csat_answers_per_solve.csat_responses, 0) as csat_responses,
        coalesce(csat_answers_per_solve.csat_satisfied_responses, 0) as csat_satisfied_responses

    from solves
    left join assignment_spells_bounded as spells
        on
            solves.ticket_id = spells.ticket_id
            and solves.solved_at >= spells.started_at
            and solves.solved_at < spells.ends_before
    left join csat_answers_per_solve
        on
            solves.ticket_id = csat_answers_per_solve.ticket_id
            and solves.spell_number = csat_answers_per_solve.spell_number

),

actions as (

    select
        {{ dbt.concat(["'agent_assignment-'", 'assignment_spell_id']) }} as action_id,
        ticket_id,
        'agent_assignment' as action_type,
        started_at as acted_at,
        assignee_id as agent_id,
        group_name,
        cast(null as {{ dbt.type_boolean() }}) as is_reopened_after,
        0 as csat_responses,
        0 as csat_satisfied_responses

    from int_ticket_assignments_sequenced
    where is_agent_assignment

    union all

    select
        {{ dbt.concat(["'group_assignment-'", 'assignment_spell_id']) }} as action_id,
        ticket_id,
        'group_assignment' as action_type,
        started_at as acted_at,
        cast(null as {{ dbt.type_string() }}) as agent_id,
        group_name,
        cast(null as {{ dbt.type_boolean() }}) as is_reopened_after,
        0 as csat_responses,
        0 as csat_satisfied_responses

    from int_ticket_assignments_sequenced
    where is_group_assignment

    union all

    select
        {{ dbt.concat(["'handoff-'", 'assignment_spell_id']) }} as action_id,
        ticket_id,
        'handoff' as action_type,
        started_at as acted_at,
        handed_off_by_agent_id as agent_id,
        previous_group_name as group_name,
        cast(null as {{ dbt.type_boolean() }}) as is_reopened_after,
        0 as csat_responses,
        0 as csat_satisfied_responses

    from int_ticket_assignments_sequenced
    where is_handoff

    union all

    select
        {{ dbt.concat(["'public_reply-'", 'event_id']) }} as action_id,
        ticket_id,
        'public_reply' as action_type,
        event_at as acted_at,
        agent_id,
        group_name,
        cast(null as {{ dbt.type_boolean() }}) as is_reopened_after,
        0 as csat_responses,
        0 as csat_satisfied_responses

    from public_replies_attributed

    union all

    select
        {{ dbt.concat(["'first_reply-'", 'public_replies_attributed.event_id']) }} as action_id,
        public_replies_attributed.ticket_id,
        'first_reply' as action_type,
        public_replies_attributed.event_at as acted_at,
        public_replies_attributed.agent_id,
        public_replies_attributed.group_name,
        cast(null as {{ dbt.type_boolean() }}) as is_reopened_after,
        0 as csat_responses,
        0 as csat_satisfied_responses

    from public_replies_attributed
    inner join first_replies
        on public_replies_attributed.event_id = first_replies.reply_event_id

    union all

    select
        {{ dbt.concat(["'solve-'", 'ticket_id', "'-'", 'cast(spell_number as ' ~ dbt.type_string() ~ ')']) }}
            as action_id,
        ticket_id,
        'solve' as action_type,
        solved_at as acted_at,
        agent_id,
        group_name,
        is_reopened_after,
        csat_responses,
        csat_satisfied_responses

    from solves_attributed

),

final as (

    select
        actions.action_id,
        actions.ticket_id,
        actions.action_type,
        actions.acted_at,
        actions.agent_id,
        actions.group_name,
        actions.agent_id is not null
        and (agents_loaded.agent_count = 0 or coalesce(stg_cx__agents.role not in ('bot', 'system'), false))
            as is_agent_counted,
        coalesce(stg_cx__agents.role in ('bot', 'system'), false) as is_bot_or_system,
        actions.is_reopened_after,
        cast(actions.csat_responses as {{ dbt.type_int() }}) as csat_responses,
        cast(actions.csat_satisfied_responses as {{ dbt.type_int() }}) as csat_satisfied_responses

    from actions
    cross join agents_loaded
    left join stg_cx__agents
        on actions.agent_id = stg_cx__agents.agent_id

)

select * from final
