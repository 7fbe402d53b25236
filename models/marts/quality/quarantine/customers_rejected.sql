with

validated_customers as (

    select * from {{ ref('base_cx__customers') }}

),

final as (

    select * from validated_customers
    where reject_reason is not null

)

select * from final
