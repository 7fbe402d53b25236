with

validated as (

    select * from {{ ref('base_cx__customer_identities') }}
    where reject_reason is null

),

final as (

    select
        lower(platform) as platform,
        handle,
        customer_id,
        _loaded_at

    from validated

)

select * from final
