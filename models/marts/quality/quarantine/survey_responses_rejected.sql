with

validated_survey_responses as (

    select * from {{ ref('base_cx__survey_responses') }}

),

final as (

    select * from validated_survey_responses
    where reject_reason is not null

)

select * from final
