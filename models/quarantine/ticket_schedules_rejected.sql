{{ cx_rejected_rows('ticket_schedules') }}
