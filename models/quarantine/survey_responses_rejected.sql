{{ cx_rejected_rows('survey_responses') }}
