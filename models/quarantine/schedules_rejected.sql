{{ cx_rejected_rows('schedules') }}
