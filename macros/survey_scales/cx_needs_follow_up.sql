{#-
    cx_needs_follow_up(score, survey_type): true for an answer the closed loop must follow up:
    a score at or below the survey type's limit in var cx_closed_loop_max_scores (default NPS
    0-6 = the detractors, CSAT 1-2, CES 1-3); false otherwise, also for a survey type without
    a limit; null for a null score.
-#}
{% macro cx_needs_follow_up(score, survey_type) -%}
    (case
        when {{ score }} is null then null
        {%- for type_name, max_score in var('cx_closed_loop_max_scores').items() %}
            when {{ survey_type }} = '{{ type_name }}' then {{ score }} <= {{ max_score }}
        {%- endfor %}
        else false
    end)
{%- endmacro %}
