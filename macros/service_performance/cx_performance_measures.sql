{#-
    cx_performance_measures(): the measures of mart_agent_performance and mart_group_performance
    after their own tickets_assigned, as select-list items over their actions in periods (columns
    action_type, ticket_id, first_reply_minutes, first_reply_business_minutes, is_one_touch,
    is_reopened_after, is_any_sla_breached, csat_responses, csat_satisfied_responses), grouped by
    period and agent or group. docs/metrics.md "Agents and groups".
-#}
{% macro cx_performance_measures() -%}
        count(distinct case when action_type = 'solve' then ticket_id end) as tickets_solved,
        sum(case when action_type = 'public_reply' then 1 else 0 end) as public_replies,
        count(distinct case when action_type = 'first_reply' then ticket_id end) as first_replied_tickets,
        {{ cx_percentile("case when action_type = 'first_reply' then first_reply_minutes end", 0.5) }}
            as first_reply_median_minutes,
        {{ cx_percentile("case when action_type = 'first_reply' then first_reply_minutes end", 0.9) }}
            as first_reply_p90_minutes,
        {{ cx_percentile("case when action_type = 'first_reply' then first_reply_business_minutes end", 0.5) }}
            as first_reply_median_business_minutes,
        {{ cx_percentile("case when action_type = 'first_reply' then first_reply_business_minutes end", 0.9) }}
            as first_reply_p90_business_minutes,
        count(distinct case when action_type = 'solve' and is_one_touch then ticket_id end) as one_touch_tickets,
        count(distinct case when action_type = 'solve' and is_reopened_after then ticket_id end)
            as reopened_tickets,
        count(distinct case when action_type = 'solve' and is_any_sla_breached is not null then ticket_id end)
            as sla_tickets,
        count(distinct case when action_type = 'solve' and is_any_sla_breached then ticket_id end)
            as sla_breached_tickets,
        sum(case when action_type = 'solve' then csat_responses else 0 end) as csat_responses,
        sum(case when action_type = 'solve' then csat_satisfied_responses else 0 end) as csat_satisfied_responses,
        sum(case when action_type = 'handoff' then 1 else 0 end) as handoffs
{%- endmacro %}
