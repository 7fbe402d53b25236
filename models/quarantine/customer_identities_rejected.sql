{{ cx_rejected_rows('customer_identities') }}
