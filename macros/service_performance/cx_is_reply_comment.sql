{#-
    cx_is_reply_comment(prefix=''): true for an event of stg_cx__ticket_events that takes part in
    reply pairing - a public comment of the customer or of an agent (internal notes and system
    comments do not). `prefix` qualifies the columns (e.g. 'stg_cx__ticket_events.').
    int_ticket_replies_paired pairs these comments, and int_ticket_timestamps_clocked reads the
    business clock at them, so the clock has a reading at every comment that is paired.
-#}
{% macro cx_is_reply_comment(prefix='') -%}
    ({{ prefix }}event_type = 'comment'
    and {{ prefix }}is_public
    and {{ prefix }}actor_type in ('customer', 'agent'))
{%- endmacro %}
