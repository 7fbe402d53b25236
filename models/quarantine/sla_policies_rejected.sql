{{ cx_rejected_rows('sla_policies') }}
