{#-
    One of the survey metrics of docs/metrics.md, each defined once. They take aggregates (counts and sums),
    so a mart can compute them per row and BI can recompute them from the same counts over any
    roll-up. Each returns null, never 0 and never a division error, when there is no answer
    to measure (responses = 0 or null).

    cx_nps(promoters, detractors, responses): Net Promoter Score, -100..100:
        100 * (promoters - detractors) / responses (NPS responses: promoters + passives + detractors).
-#}
{% macro cx_nps(promoters, detractors, responses) -%}
    (100.0 * ({{ promoters }} - {{ detractors }}) / nullif({{ responses }}, 0))
{%- endmacro %}
