with

validated_sla_policies as (

    select * from {{ ref('base_cx__sla_policies') }}

),

final as (

    select * from validated_sla_policies
    where reject_reason is not null

)

select * from final
