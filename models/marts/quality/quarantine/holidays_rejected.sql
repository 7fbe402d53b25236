with

validated_holidays as (

    select * from {{ ref('base_cx__holidays') }}

),

final as (

    select * from validated_holidays
    where reject_reason is not null

)

select * from final
