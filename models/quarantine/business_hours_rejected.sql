{{ cx_rejected_rows('business_hours') }}
