{#- The minutes an SLA target is compared with: business or calendar, per the ticket's policy
    (column is_sla_in_business_hours). -#}
{% macro cx_sla_minutes(calendar_minutes, business_minutes) -%}
    case when is_sla_in_business_hours then {{ business_minutes }} else {{ calendar_minutes }} end
{%- endmacro %}
