{#- The raw tables of the source contract (docs/source_contract.md), in dependency order. -#}
{% macro cx_contract_tables() %}
    {{ return([
        'customers', 'customer_identities', 'tickets', 'ticket_events', 'survey_invitations',
        'survey_responses', 'social_posts', 'sla_policies', 'sla_policy_targets', 'ticket_sla_policies',
        'schedules', 'business_hours', 'holidays', 'ticket_schedules', 'agents',
    ]) }}
{% endmacro %}
