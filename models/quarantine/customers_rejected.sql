{{ cx_rejected_rows('customers') }}
