{#-
    One of the survey metrics of docs/metrics.md, each defined once. They take aggregates (counts and sums),
    so a mart can compute them per row and BI can recompute them from the same counts over any
    roll-up. Each returns null, never 0 and never a division error, when there is no answer
    to measure (responses = 0 or null).

    cx_ces_mean(score_sum, responses): CES, the mean score (1-7, higher = easier) = sum / count.
-#}
{% macro cx_ces_mean(score_sum, responses) -%}
    (1.0 * {{ score_sum }} / nullif({{ responses }}, 0))
{%- endmacro %}
