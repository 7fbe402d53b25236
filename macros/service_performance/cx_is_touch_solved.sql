{#-
    cx_is_touch_solved(touches): whether a ticket is solved now, was never reopened and had exactly
    `touches` agent replies (one-touch: 1, two-touch: 2), over the aliases `status`
    (int_tickets_status_summarized) and `replies` (int_tickets_replies_summarized) of the calling
    query. fct_tickets.is_one_touch and is_two_touch, and the one-touch solves of
    int_ticket_performance_credited.
-#}
{% macro cx_is_touch_solved(touches) -%}
    coalesce(status.is_solved, false) and replies.replies_count = {{ touches }} and coalesce(status.reopen_count, 0) = 0
{%- endmacro %}
