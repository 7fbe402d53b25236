with

validated_business_hours as (

    select * from {{ ref('base_cx__business_hours') }}

),

final as (

    select * from validated_business_hours
    where reject_reason is not null

)

select * from final
