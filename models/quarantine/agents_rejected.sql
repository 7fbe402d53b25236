{{ cx_rejected_rows('agents') }}
