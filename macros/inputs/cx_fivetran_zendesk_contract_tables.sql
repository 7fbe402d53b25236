{#- The raw tables of the source contract that the Fivetran Zendesk input models produce
    (models/inputs/fivetran_zendesk/fivetran_zendesk__<table>), in dependency order. -#}
{% macro cx_fivetran_zendesk_contract_tables() %}
    {{ return([
        'customers', 'tickets', 'ticket_events', 'survey_invitations', 'survey_responses',
        'schedules', 'business_hours', 'holidays', 'ticket_schedules', 'agents',
        'ticket_sla_policies', 'sla_policy_targets',
    ]) }}
{% endmacro %}
