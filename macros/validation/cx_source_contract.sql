{#-
    The source contract (docs/source_contract.md) as data: for every raw table, whether it may be
    absent, its key and its columns in order. Each column has
      type      how the raw value is read (cx_raw_as_text): id, text, free_text (not trimmed),
                timestamp, date, integer, numeric, boolean
      required  true for key and required columns: a raw table without the column fails the
                build (cx_read_raw); an optional column that is absent reads as null
      nullable  true for an optional column whose bad value nulls the field (a field-level
                finding in field_values_rejected) instead of quarantining the row
      expects   what the column holds, for the error message of a missing required column
-#}
{% macro cx_source_contract() %}
    {{ return({
        'customers': {
            'optional': false,
            'key': ['customer_id'],
            'columns': [
                {'name': 'customer_id', 'type': 'id', 'required': true, 'expects': 'the customer key (text)'},
                {'name': 'segment', 'type': 'text'},
                {'name': 'region', 'type': 'text'},
                {'name': 'signup_at', 'type': 'timestamp', 'nullable': true},
                {'name': 'churned_at', 'type': 'timestamp', 'nullable': true},
                {'name': 'annual_revenue', 'type': 'numeric', 'nullable': true},
                {'name': 'email', 'type': 'text'},
                {'name': 'is_incentivized', 'type': 'boolean', 'nullable': true},
            ],
        },
        'customer_identities': {
            'optional': true,
            'key': ['platform', 'handle'],
            'columns': [
                {'name': 'platform', 'type': 'text', 'required': true, 'expects': 'the social platform, e.g. twitter'},
                {'name': 'handle', 'type': 'id', 'required': true, 'expects': 'the author handle as in social_posts.author_handle'},
                {'name': 'customer_id', 'type': 'id', 'required': true, 'expects': 'the customer behind the handle'},
            ],
        },
        'tickets': {
            'optional': false,
            'key': ['ticket_id'],
            'columns': [
                {'name': 'ticket_id', 'type': 'id', 'required': true, 'expects': 'the ticket key (text)'},
                {'name': 'customer_id', 'type': 'id'},
                {'name': 'channel', 'type': 'text', 'required': true, 'expects': 'one of ' ~ var('cx_ticket_channels') | join(', ')},
                {'name': 'priority', 'type': 'text', 'required': true, 'expects': 'one of ' ~ var('cx_ticket_priorities') | join(', ')},
                {'name': 'created_at', 'type': 'timestamp', 'required': true, 'expects': 'when the ticket was created, a UTC timestamp'},
                {'name': 'subject', 'type': 'text'},
                {'name': 'assignee_id', 'type': 'id'},
                {'name': 'group_name', 'type': 'text'},
                {'name': 'via_social_post_id', 'type': 'id'},
            ],
        },
        'ticket_events': {
            'optional': false,
            'key': ['event_id'],
            'columns': [
                {'name': 'event_id', 'type': 'id', 'required': true, 'expects': 'the event key (text)'},
                {'name': 'ticket_id', 'type': 'id', 'required': true, 'expects': 'the ticket of the event'},
                {'name': 'event_at', 'type': 'timestamp', 'required': true, 'expects': 'when the event happened, a UTC timestamp'},
                {'name': 'actor_type', 'type': 'text', 'required': true, 'expects': 'who acted, one of ' ~ var('cx_event_actor_types') | join(', ')},
                {'name': 'event_type', 'type': 'text', 'required': true, 'expects': 'one of ' ~ var('cx_event_types') | join(', ')},
                {'name': 'is_public', 'type': 'boolean', 'nullable': true},
                {'name': 'status', 'type': 'text', 'nullable': true},
                {'name': 'actor_id', 'type': 'id'},
                {'name': 'assignee_id', 'type': 'id'},
                {'name': 'group_name', 'type': 'text'},
            ],
        },
        'survey_invitations': {
            'optional': true,
            'key': ['invitation_id'],
            'columns': [
                {'name': 'invitation_id', 'type': 'id', 'required': true, 'expects': 'the invitation key (text)'},
                {'name': 'customer_id', 'type': 'id', 'required': true, 'expects': 'the customer invited'},
                {'name': 'ticket_id', 'type': 'id'},
                {'name': 'survey_type', 'type': 'text', 'required': true, 'expects': 'one of ' ~ var('cx_survey_types') | join(', ')},
                {'name': 'channel', 'type': 'text'},
                {'name': 'sent_at', 'type': 'timestamp', 'required': true, 'expects': 'when the invitation was sent, a UTC timestamp'},
            ],
        },
        'survey_responses': {
            'optional': true,
            'key': ['response_id'],
            'columns': [
                {'name': 'response_id', 'type': 'id', 'required': true, 'expects': 'the response key (text)'},
                {'name': 'invitation_id', 'type': 'id'},
                {'name': 'customer_id', 'type': 'id'},
                {'name': 'ticket_id', 'type': 'id'},
                {'name': 'survey_type', 'type': 'text', 'required': true, 'expects': 'one of ' ~ var('cx_survey_types') | join(', ')},
                {'name': 'score', 'type': 'integer', 'required': true, 'expects': 'the score, an integer on the scale of its survey type'},
                {'name': 'comment', 'type': 'text'},
                {'name': 'responded_at', 'type': 'timestamp', 'required': true, 'expects': 'when the customer answered, a UTC timestamp'},
                {'name': 'followed_up_at', 'type': 'timestamp', 'nullable': true},
            ],
        },
        'social_posts': {
            'optional': true,
            'key': ['post_id'],
            'columns': [
                {'name': 'post_id', 'type': 'id', 'required': true, 'expects': 'the post key (text)'},
                {'name': 'platform', 'type': 'text', 'required': true, 'expects': 'the social platform, e.g. twitter'},
                {'name': 'brand', 'type': 'text'},
                {'name': 'author_handle', 'type': 'id'},
                {'name': 'author_is_brand', 'type': 'boolean', 'required': true, 'expects': 'true when a brand account wrote the post'},
                {'name': 'created_at', 'type': 'timestamp', 'required': true, 'expects': 'when the post was created, a UTC timestamp'},
                {'name': 'text', 'type': 'free_text'},
                {'name': 'in_reply_to_post_id', 'type': 'id'},
                {'name': 'author_followers', 'type': 'integer', 'nullable': true},
            ],
        },
        'sla_policies': {
            'optional': true,
            'key': ['priority', 'channel'],
            'columns': [
                {'name': 'priority', 'type': 'text', 'required': true, 'expects': 'one of ' ~ var('cx_ticket_priorities') | join(', ')},
                {'name': 'channel', 'type': 'text', 'required': true, 'expects': 'one of ' ~ var('cx_ticket_channels') | join(', ')},
                {'name': 'first_reply_target_minutes', 'type': 'integer', 'nullable': true},
                {'name': 'next_reply_target_minutes', 'type': 'integer', 'nullable': true},
                {'name': 'resolution_target_minutes', 'type': 'integer', 'nullable': true},
                {'name': 'in_business_hours', 'type': 'boolean', 'required': true, 'expects': 'true when the targets count business minutes'},
            ],
        },
        'schedules': {
            'optional': true,
            'key': ['schedule_id'],
            'columns': [
                {'name': 'schedule_id', 'type': 'id', 'required': true, 'expects': 'the schedule key (text)'},
                {'name': 'name', 'type': 'text'},
                {'name': 'timezone', 'type': 'text', 'required': true, 'expects': 'the IANA time zone of the schedule, e.g. America/New_York'},
            ],
        },
        'sla_policy_targets': {
            'optional': true,
            'key': ['policy_id', 'priority', 'metric'],
            'columns': [
                {'name': 'policy_id', 'type': 'id', 'required': true, 'expects': 'the SLA policy key (text)'},
                {'name': 'priority', 'type': 'text', 'required': true, 'expects': 'one of ' ~ var('cx_ticket_priorities') | join(', ')},
                {'name': 'metric', 'type': 'text', 'required': true, 'expects': 'one of ' ~ cx_sla_metrics() | join(', ')},
                {'name': 'target_minutes', 'type': 'integer', 'required': true, 'expects': 'the target in minutes, an integer > 0'},
                {'name': 'in_business_hours', 'type': 'boolean', 'required': true, 'expects': 'true when the target counts business minutes'},
            ],
        },
        'ticket_sla_policies': {
            'optional': true,
            'key': ['ticket_id', 'applied_at'],
            'columns': [
                {'name': 'ticket_id', 'type': 'id', 'required': true, 'expects': 'the ticket the policy was applied to'},
                {'name': 'policy_id', 'type': 'id', 'required': true, 'expects': 'the SLA policy applied (policy_id of sla_policy_targets)'},
                {'name': 'applied_at', 'type': 'timestamp', 'required': true, 'expects': 'when the policy was applied, a UTC timestamp'},
            ],
        },
        'business_hours': {
            'optional': true,
            'key': ['schedule_id', 'day_of_week', 'start_time'],
            'columns': [
                {'name': 'day_of_week', 'type': 'integer', 'required': true, 'expects': 'ISO day of week, 1 (Monday) to 7 (Sunday)'},
                {'name': 'start_time', 'type': 'text', 'required': true, 'expects': 'local start time HH:MM[:SS]'},
                {'name': 'end_time', 'type': 'text', 'required': true, 'expects': 'local end time HH:MM[:SS], 24:00 allowed'},
                {'name': 'timezone', 'type': 'text'},
                {'name': 'schedule_id', 'type': 'id'},
            ],
        },
        'holidays': {
            'optional': true,
            'key': ['schedule_id', 'start_date'],
            'columns': [
                {'name': 'holiday_date', 'type': 'date'},
                {'name': 'holiday_name', 'type': 'text'},
                {'name': 'schedule_id', 'type': 'id'},
                {'name': 'start_date', 'type': 'date'},
                {'name': 'end_date', 'type': 'date'},
                {'name': 'name', 'type': 'text'},
            ],
        },
        'ticket_schedules': {
            'optional': true,
            'key': ['ticket_id', 'valid_from'],
            'columns': [
                {'name': 'ticket_id', 'type': 'id', 'required': true, 'expects': 'the ticket the schedule applies to'},
                {'name': 'schedule_id', 'type': 'id', 'required': true, 'expects': 'the schedule in force from valid_from on'},
                {'name': 'valid_from', 'type': 'timestamp', 'required': true, 'expects': 'from when the schedule is in force, a UTC timestamp'},
            ],
        },
        'agents': {
            'optional': true,
            'key': ['agent_id'],
            'columns': [
                {'name': 'agent_id', 'type': 'id', 'required': true, 'expects': 'the agent key, as in ticket_events.actor_id and assignee_id'},
                {'name': 'name', 'type': 'text'},
                {'name': 'group_name', 'type': 'text'},
                {'name': 'role', 'type': 'text'},
                {'name': 'is_active', 'type': 'boolean', 'nullable': true},
            ],
        },
    }) }}
{% endmacro %}
