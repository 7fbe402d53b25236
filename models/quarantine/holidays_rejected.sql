{{ cx_rejected_rows('holidays') }}
