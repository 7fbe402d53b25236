{{ cx_rejected_rows('social_posts') }}
