with

validated_customer_identities as (

    select * from {{ ref('base_cx__customer_identities') }}

),

final as (

    select * from validated_customer_identities
    where reject_reason is not null

)

select * from final
