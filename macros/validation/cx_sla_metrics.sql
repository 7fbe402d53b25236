{#- The SLA metrics a target can be set for (sla_policy_targets.metric, docs/metrics.md "Service"). -#}
{% macro cx_sla_metrics() %}
    {{ return(['first_reply', 'next_reply', 'resolution']) }}
{% endmacro %}
