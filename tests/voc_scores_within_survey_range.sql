{#-
    No survey answer outside its survey type's range (var cx_survey_score_ranges) reaches the
    voice-of-the-customer marts: such rows are quarantined in survey_responses_rejected.
    Returns the offending responses.
-#}
with

fct_survey_responses as (

    select * from {{ ref('fct_survey_responses') }}

),

final as (

    select
        response_id,
        survey_type,
        score

    from fct_survey_responses
    where not coalesce({{ cx_score_in_range('score', 'survey_type') }}, false)

)

select * from final
