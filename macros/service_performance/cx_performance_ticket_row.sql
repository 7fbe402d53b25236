{#-
    cx_performance_ticket_row(per_ticket, tickets): the rows that cx_performance_measures adds up
    in mart_agent_performance and mart_group_performance for the assignments, first replies and
    solves, as select-list items: one row per period, agent or group, and ticket, from a row of
    cx_performance_per_ticket (`per_ticket`) joined to its row of fct_tickets (`tickets`). The
    flags; the first reply minutes when the ticket's first reply counts here; one-touch and SLA
    (cx_is_any_sla_breached) of a ticket solved here; the CSAT responses; no public replies or
    handoffs (cx_performance_action_row counts those). Same columns in the same order as
    cx_performance_action_row, so that the two stack with `union all`.
-#}
{% macro cx_performance_ticket_row(per_ticket, tickets) -%}
        {{ per_ticket }}.is_assigned,
        {{ per_ticket }}.is_solved,
        0 as public_replies,
        {{ per_ticket }}.is_first_replied,
        case when {{ per_ticket }}.is_first_replied = 1 then {{ tickets }}.first_reply_minutes end
            as first_reply_minutes,
        case when {{ per_ticket }}.is_first_replied = 1 then {{ tickets }}.first_reply_business_minutes end
            as first_reply_business_minutes,
        case when {{ per_ticket }}.is_solved = 1 and {{ tickets }}.is_one_touch then 1 else 0 end
            as is_one_touch_solved,
        {{ per_ticket }}.is_reopened_solved,
        case when {{ per_ticket }}.is_solved = 1 and {{ cx_is_any_sla_breached(tickets ~ '.') }} is not null
            then 1 else 0 end as is_sla_solved,
        case when {{ per_ticket }}.is_solved = 1 and {{ cx_is_any_sla_breached(tickets ~ '.') }}
            then 1 else 0 end as is_sla_breached_solved,
        {{ per_ticket }}.csat_responses,
        {{ per_ticket }}.csat_satisfied_responses,
        0 as handoffs
{%- endmacro %}
