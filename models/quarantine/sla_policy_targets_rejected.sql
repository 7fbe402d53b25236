{{ cx_rejected_rows('sla_policy_targets') }}
