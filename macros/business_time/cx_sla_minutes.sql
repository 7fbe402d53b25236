{#- The minutes an SLA target is compared with: business or calendar, as the target says (by
    default the column is_sla_in_business_hours of the calling query; int_tickets_sla_measured
    passes the flag of each metric, is_<metric>_sla_in_business_hours). -#}
{% macro cx_sla_minutes(calendar_minutes, business_minutes, in_business_hours='is_sla_in_business_hours') -%}
    case when {{ in_business_hours }} then {{ business_minutes }} else {{ calendar_minutes }} end
{%- endmacro %}
