{#-
    cx_performance_per_ticket(assignment_action_type): the first step of the measures of
    mart_agent_performance and mart_group_performance, as select-list items over the
    assignments, first replies and solves in periods (columns action_type, is_reopened_after,
    csat_responses, csat_satisfied_responses), grouped by period, agent or group, and ticket: 0/1
    flags of what the ticket had (an assignment of assignment_action_type, a solve, a first reply,
    a solve reopened after), however many times, and the CSAT responses on its solves.
    cx_performance_rows then adds what fct_tickets knows of the ticket.
-#}
{% macro cx_performance_per_ticket(assignment_action_type) -%}
        max(case when action_type = '{{ assignment_action_type }}' then 1 else 0 end) as is_assigned,
        max(case when action_type = 'solve' then 1 else 0 end) as is_solved,
        max(case when action_type = 'first_reply' then 1 else 0 end) as is_first_replied,
        max(case when action_type = 'solve' and is_reopened_after then 1 else 0 end) as is_reopened_solved,
        sum(case when action_type = 'solve' then csat_responses else 0 end) as csat_responses,
        sum(case when action_type = 'solve' then csat_satisfied_responses else 0 end) as csat_satisfied_responses
{%- endmacro %}
