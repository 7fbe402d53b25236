{#-
    The agent and group marts add up to fct_tickets (docs/metrics.md "Agents and groups"): every
    reply and every first reply is counted once per period type, for its group, unless a known
    bot or system user wrote it; the agent mart counts the counted agents' ones. A reply matched
    to two overlapping assignment spells would break these sums. Sums are over one period type
    (each action is in one period of each type). Returns one row per check that fails.
-#}
with

fct_tickets as (

    select * from {{ ref('fct_tickets') }}

),

int_ticket_actions_attributed as (

    select * from {{ ref('int_ticket_actions_attributed') }}

),

mart_agent_performance as (

    select * from {{ ref('mart_agent_performance') }}
    where period_type = '{{ var("cx_voc_periods")[0] }}'

),

mart_group_performance as (

    select * from {{ ref('mart_group_performance') }}
    where period_type = '{{ var("cx_voc_periods")[0] }}'

),

bot_actions as (

    select
        sum(case when action_type = 'public_reply' then 1 else 0 end) as bot_replies,
        sum(case when action_type = 'first_reply' then 1 else 0 end) as bot_first_replies

    from int_ticket_actions_attributed
    where is_bot_or_system

),

checks as (

    select
        'group replies + bot replies = fct_tickets replies' as check_name,
        (select coalesce(sum(replies_count), 0) from fct_tickets) as expected_count,
        (select coalesce(sum(public_replies), 0) from mart_group_performance)
        + (select coalesce(bot_replies, 0) from bot_actions) as actual_count

    union all

    select
        'group first replies + bot first replies = fct_tickets first replies' as check_name,
        (select count(first_reply_at) from fct_tickets) as expected_count,
        (select coalesce(sum(first_replied_tickets), 0) from mart_group_performance)
        + (select coalesce(bot_first_replies, 0) from bot_actions) as actual_count

    union all

    select
        'agent replies = counted agents replies' as check_name,
        (
            select count(*) from int_ticket_actions_attributed
            where action_type = 'public_reply' and is_agent_counted
        ) as expected_count,
        (select coalesce(sum(public_replies), 0) from mart_agent_performance) as actual_count

    union all

    select
        'agent first replies = counted agents first replies' as check_name,
        (
            select count(*) from int_ticket_actions_attributed
            where action_type = 'first_reply' and is_agent_counted
        ) as expected_count,
        (select coalesce(sum(first_replied_tickets), 0) from mart_agent_performance) as actual_count

),

final as (

    select * from checks
    where expected_count <> actual_count

)

select * from final
