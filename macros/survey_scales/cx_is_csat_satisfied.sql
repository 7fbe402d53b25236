{#-
    cx_is_csat_satisfied(score): true for a satisfied CSAT answer, the top two boxes of the
    CSAT scale (4-5 on the default 1-5 range of cx_survey_score_ranges); null for a null score.
    Use it only on CSAT answers.
-#}
{% macro cx_is_csat_satisfied(score) -%}
    ({{ score }} >= {{ var('cx_survey_score_ranges')['csat'][1] - 1 }})
{%- endmacro %}
