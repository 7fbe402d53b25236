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
