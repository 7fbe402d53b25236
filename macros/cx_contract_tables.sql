{#- The raw tables of the source contract (docs/source_contract.md), in dependency order. -#}
{% macro cx_contract_tables() %}
    {{ return([
        'customers', 'customer_identities', 'tickets', 'ticket_events', 'survey_invitations',
        'survey_responses', 'social_posts', 'sla_policies', 'business_hours', 'holidays', 'agents',
    ]) }}
{% endmacro %}
