{{ cx_rejected_rows('tickets') }}
