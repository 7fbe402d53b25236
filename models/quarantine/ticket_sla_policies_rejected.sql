{{ cx_rejected_rows('ticket_sla_policies') }}
