with

validated_survey_invitations as (

    select * from {{ ref('base_cx__survey_invitations') }}

),

final as (

    select * from validated_survey_invitations
    where reject_reason is not null

)

select * from final
