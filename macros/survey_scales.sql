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

{#-
    cx_nps_category(score): the NPS category of a 0-10 "how likely are you to recommend us"
    score: promoter 9-10, passive 7-8, detractor 0-6; null for a null score.
-#}
{% macro cx_nps_category(score) -%}
    (case
        when {{ score }} >= 9 then 'promoter'
        when {{ score }} >= 7 then 'passive'
        when {{ score }} >= 0 then 'detractor'
    end)
{%- endmacro %}

{#-
    cx_is_csat_satisfied(score): true for a satisfied CSAT answer, the top two boxes of the
    CSAT scale (4-5 on the default 1-5 range of cx_survey_score_ranges); null for a null score.
    Use it only on CSAT answers.
-#}
{% macro cx_is_csat_satisfied(score) -%}
    ({{ score }} >= {{ var('cx_survey_score_ranges')['csat'][1] - 1 }})
{%- endmacro %}

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

{#-
    The survey metrics of DESIGN §3, each defined once. They take aggregates (counts and sums),
    so a mart can compute them per row and BI can recompute them from the same counts over any
    roll-up. Each returns null, never 0 and never a division error, when there is no answer
    to measure (responses = 0 or null).

    cx_nps(promoters, detractors, responses): Net Promoter Score, -100..100:
        100 * (promoters - detractors) / responses (NPS responses: promoters + passives + detractors).
    cx_csat_share(satisfied, responses): CSAT, the share (0-1) of CSAT answers that are 4-5.
    cx_ces_mean(score_sum, responses): CES, the mean score (1-7, higher = easier) = sum / count.
-#}
{% macro cx_nps(promoters, detractors, responses) -%}
    (100.0 * ({{ promoters }} - {{ detractors }}) / nullif({{ responses }}, 0))
{%- endmacro %}

{% macro cx_csat_share(satisfied, responses) -%}
    (1.0 * {{ satisfied }} / nullif({{ responses }}, 0))
{%- endmacro %}

{% macro cx_ces_mean(score_sum, responses) -%}
    (1.0 * {{ score_sum }} / nullif({{ responses }}, 0))
{%- endmacro %}
