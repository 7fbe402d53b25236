{#-
    cx_performance_measures(): the measures of mart_agent_performance and mart_group_performance,
    as select-list items over the rows of cx_performance_rows (one per period, agent or group,
    and ticket, and one per period and agent or group), grouped by period and agent or group:
    tickets as sums of the 0/1 flags, the sums, and the median and p90 first reply minutes (a
    ticket has one first reply, so its minutes are in one row). In steps, so that nothing counts
    distinct tickets over every action (one hash table per distinct count). docs/metrics.md
    "Agents and groups".
-#}
{% macro cx_performance_measures() -%}
        sum(is_assigned) as tickets_assigned,
        sum(is_solved) as tickets_solved,
        sum(public_replies) as public_replies,
        sum(is_first_replied) as first_replied_tickets,
        {{ cx_first_reply_percentiles() }},
        sum(is_one_touch_solved) as one_touch_tickets,
        sum(is_reopened_solved) as reopened_tickets,
        sum(is_sla_solved) as sla_tickets,
        sum(is_sla_breached_solved) as sla_breached_tickets,
        sum(csat_responses) as csat_responses,
        sum(csat_satisfied_responses) as csat_satisfied_responses,
        sum(handoffs) as handoffs
{%- endmacro %}
