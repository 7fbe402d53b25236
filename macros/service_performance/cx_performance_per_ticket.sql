{#-
    cx_performance_per_ticket(assignment_action_type): the first step of the measures of
    mart_agent_performance and mart_group_performance (the second is cx_performance_measures),
    as select-list items over the actions in periods (columns action_type, ticket_id,
    first_reply_minutes, first_reply_business_minutes, is_one_touch, is_reopened_after,
    is_any_sla_breached, csat_responses, csat_satisfied_responses), grouped by period, agent or
    group, and ticket: 0/1 flags of what the ticket had (an assignment of assignment_action_type,
    a solve, a first reply, ...), its first reply minutes, and its sums (public replies, CSAT
    responses on solve, handoffs).
-#}
{% macro cx_performance_per_ticket(assignment_action_type) -%}
        max(case when action_type = '{{ assignment_action_type }}' then 1 else 0 end) as is_assigned,
        max(case when action_type = 'solve' then 1 else 0 end) as is_solved,
        sum(case when action_type = 'public_reply' then 1 else 0 end) as public_replies,
        max(case when action_type = 'first_reply' then 1 else 0 end) as is_first_replied,
        max(case when action_type = 'first_reply' then first_reply_minutes end) as first_reply_minutes,
        max(case when action_type = 'first_reply' then first_reply_business_minutes end)
            as first_reply_business_minutes,
        max(case when action_type = 'solve' and is_one_touch then 1 else 0 end) as is_one_touch_solved,
        max(case when action_type = 'solve' and is_reopened_after then 1 else 0 end) as is_reopened_solved,
        max(case when action_type = 'solve' and is_any_sla_breached is not null then 1 else 0 end)
            as is_sla_solved,
        max(case when action_type = 'solve' and is_any_sla_breached then 1 else 0 end) as is_sla_breached_solved,
        sum(case when action_type = 'solve' then csat_responses else 0 end) as csat_responses,
        sum(case when action_type = 'solve' then csat_satisfied_responses else 0 end) as csat_satisfied_responses,
        sum(case when action_type = 'handoff' then 1 else 0 end) as handoffs
{%- endmacro %}
