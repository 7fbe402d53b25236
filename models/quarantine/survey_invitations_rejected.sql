{{ cx_rejected_rows('survey_invitations') }}
