with

validated as (

    select * from {{ ref('base_cx__agents') }}
    where reject_reason is null

),

final as (

    select
        agent_id,
        name as agent_name,
        group_name,
        -- an agent without a role is an agent
        coalesce(lower(role), 'agent') as role,
        -- a field with a bad value (its *_reject_reason, field_values_rejected) is null
        {{ cx_try_cast('is_active', 'boolean') }} as is_active,
        _loaded_at

    from validated

)

select * from final
