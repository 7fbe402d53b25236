{#-
    cx_performance_rows(per_ticket, tickets, actions_in_periods, subject): the rows that
    cx_performance_measures adds up in mart_agent_performance and mart_group_performance, where
    `subject` is agent_id or group_name, as one query (two stacked with `union all`, in the same
    columns):
    - one row per period, subject and ticket of `per_ticket` (cx_performance_per_ticket) joined
      to its row of `tickets` (the model's import CTE of fct_tickets), read as `ticket_measures`
      with its SLA breach over the three metrics (cx_is_any_sla_breached): the flags; the first
      reply minutes when the ticket's first reply counts here; one-touch and SLA of a ticket
      solved here; the CSAT responses;
    - one row per period and subject with the public replies and handoffs of
      `actions_in_periods`, each counted every time it happened (however many on one ticket).
-#}
{% macro cx_performance_rows(per_ticket, tickets, actions_in_periods, subject) -%}
    select
        {{ per_ticket }}.period_type,
        {{ per_ticket }}.period_start,
        {{ per_ticket }}.{{ subject }},
        {{ per_ticket }}.is_assigned,
        {{ per_ticket }}.is_solved,
        0 as public_replies,
        {{ per_ticket }}.is_first_replied,
        case when {{ per_ticket }}.is_first_replied = 1 then ticket_measures.first_reply_minutes end
            as first_reply_minutes,
        case when {{ per_ticket }}.is_first_replied = 1 then ticket_measures.first_reply_business_minutes end
            as first_reply_business_minutes,
        case when {{ per_ticket }}.is_solved = 1 and ticket_measures.is_one_touch then 1 else 0 end
            as is_one_touch_solved,
        {{ per_ticket }}.is_reopened_solved,
        case when {{ per_ticket }}.is_solved = 1 and ticket_measures.is_any_sla_breached is not null
            then 1 else 0 end as is_sla_solved,
        case when {{ per_ticket }}.is_solved = 1 and ticket_measures.is_any_sla_breached
            then 1 else 0 end as is_sla_breached_solved,
        {{ per_ticket }}.csat_responses,
        {{ per_ticket }}.csat_satisfied_responses,
        0 as handoffs

    from {{ per_ticket }}
    inner join (
        select
            ticket_id,
            first_reply_minutes,
            first_reply_business_minutes,
            is_one_touch,
            {{ cx_is_any_sla_breached() }} as is_any_sla_breached
        from {{ tickets }}
    ) as ticket_measures
        on {{ per_ticket }}.ticket_id = ticket_measures.ticket_id

    union all

    select
        period_type,
        period_start,
        {{ subject }},
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

    from {{ actions_in_periods }}
    where action_type in ('public_reply', 'handoff')
    group by period_type, period_start, {{ subject }}
{%- endmacro %}
