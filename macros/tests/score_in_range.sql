{#-
    Generic test score_in_range: every survey score lies in its survey type's range, by default
    the var cx_survey_score_ranges (nps 0-10, csat 1-5, ces 1-7; the ranges the staging layer
    quarantines by, macro cx_score_in_range). A score of a survey type without a range fails
    too. Null scores pass (test not_null apart). Apply it to the score column.
    Arguments:
      survey_type_column: the column with the survey type (default survey_type)
      ranges: {survey_type: [lowest, highest]} to use instead of the var
    Fails with one row per survey type and score out of range, with how many rows have it.
-#}
{% test score_in_range(model, column_name, survey_type_column='survey_type', ranges=none) %}

{#- the default is spelled out because a project that installs cx_metrics does not see its vars -#}
{%- set score_ranges = ranges or var('cx_survey_score_ranges', {'nps': [0, 10], 'csat': [1, 5], 'ces': [1, 7]}) %}
{%- set range_labels = [] %}
{%- for type_name, bounds in score_ranges.items() %}
    {%- do range_labels.append(type_name ~ ' ' ~ bounds[0] ~ '-' ~ bounds[1]) %}
{%- endfor %}

with

final as (

    select
        '{{ model.identifier }}' as model_name,
        '{{ column_name }}' as column_name,
        'score_in_range: {{ range_labels | join(", ") }}' as rule,
        {{ survey_type_column }} as survey_type,
        {{ column_name }} as score,
        count(*) as rows_out_of_range

    from {{ model }}
    where
        {{ column_name }} is not null
        and not coalesce(
            {%- for type_name, bounds in score_ranges.items() %}
                ({{ survey_type_column }} = '{{ type_name }}' and {{ column_name }} between {{ bounds[0] }} and {{ bounds[1] }})
                {%- if not loop.last %} or{% endif %}
            {%- endfor %},
            false
        )
    group by {{ survey_type_column }}, {{ column_name }}

)

select * from final

{% endtest %}
