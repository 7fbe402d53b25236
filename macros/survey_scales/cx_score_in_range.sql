{#-
    Survey scales: one definition of each survey type's score range, read from the var
    cx_survey_score_ranges (default nps 0-10, csat 1-5, ces 1-7).

    cx_score_in_range(score, survey_type): true when the score lies in its survey type's
    range, false otherwise (also for an unknown survey type).
-#}
{% macro cx_score_in_range(score, survey_type) -%}
    (
    {%- for type_name, bounds in var('cx_survey_score_ranges').items() %}
        ({{ survey_type }} = '{{ type_name }}' and {{ score }} between {{ bounds[0] }} and {{ bounds[1] }})
        {%- if not loop.last %} or{% endif %}
    {%- endfor %}
    )
{%- endmacro %}
