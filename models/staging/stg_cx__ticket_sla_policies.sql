with

validated as (

    select * from {{ ref('base_cx__ticket_sla_policies') }}
    where reject_reason is null

),

final as (

    select
        ticket_id,
        policy_id,
        {{ cx_try_cast('applied_at', 'timestamp') }} as applied_at,
        _loaded_at

    from validated

)

select * from final
