{#-
    cx_is_any_sla_breached(prefix=''): a ticket's SLA breach over its three metrics (columns
    is_first_reply_sla_breached, is_next_reply_sla_breached, is_resolution_sla_breached of
    fct_tickets, each null when not measured): true when any is breached, false when at least
    one is measured and none is, null when none is measured. `prefix` qualifies the columns
    (e.g. 'fct_tickets.'). What sla_tickets and sla_breached_tickets count in mart_response_time
    and the agent and group marts, and is_ticket_sla_breached in fct_survey_responses.
-#}
{% macro cx_is_any_sla_breached(prefix='') -%}
    {%- set metrics = ['first_reply', 'next_reply', 'resolution'] -%}
    case
        when
            {% for metric in metrics -%}
            {{ 'or ' if not loop.first }}{{ prefix }}is_{{ metric }}_sla_breached is not null
            {% endfor -%}
            then
                {% for metric in metrics -%}
                {{ 'or ' if not loop.first }}coalesce({{ prefix }}is_{{ metric }}_sla_breached, false)
                {% endfor %}
    end
{%- endmacro %}
