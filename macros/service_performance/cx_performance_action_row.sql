{#-
    cx_performance_action_row(): the rows that cx_performance_measures adds up in
    mart_agent_performance and mart_group_performance for the public replies and handoffs, as
    select-list items over those actions grouped by period and agent or group: one row each, every
    reply and handoff counted (however many on one ticket), every other measure 0 or null. Same
    columns in the same order as cx_performance_ticket_row, so that the two stack with
    `union all`.
-#}
{% macro cx_performance_action_row() -%}
        0 as is_assigned,
        0 as is_solved,
        sum(case when action_type = 'public_reply' then 1 else 0 end) as public_replies,
        0 as is_first_replied,
        cast(null as {{ dbt.type_numeric() }}) as first_reply_minutes,
        cast(null as {{ dbt.type_numeric() }}) as first_reply_business_minutes,
        0 as is_one_touch_solved,
        0 as is_reopened_solved,
        0 as is_sla_solved,
        0 as is_sla_breached_solved,
        0 as csat_responses,
        0 as csat_satisfied_responses,
        sum(case when action_type = 'handoff' then 1 else 0 end) as handoffs
{%- endmacro %}
