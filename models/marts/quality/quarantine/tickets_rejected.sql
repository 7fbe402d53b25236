with

validated_tickets as (

    select * from {{ ref('base_cx__tickets') }}

),

final as (

    select * from validated_tickets
    where reject_reason is not null

)

select * from final
