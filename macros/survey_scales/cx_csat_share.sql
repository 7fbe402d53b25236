{#-
    One of the survey metrics of docs/metrics.md, each defined once. They take aggregates (counts and sums),
    so a mart can compute them per row and BI can recompute them from the same counts over any
    roll-up. Each returns null, never 0 and never a division error, when there is no answer
    to measure (responses = 0 or null).

    cx_csat_share(satisfied, responses): CSAT, the share (0-1) of CSAT answers that are 4-5.
-#}
{% macro cx_csat_share(satisfied, responses) -%}
    (1.0 * {{ satisfied }} / nullif({{ responses }}, 0))
{%- endmacro %}
