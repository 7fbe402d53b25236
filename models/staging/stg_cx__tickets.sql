with

validated as (

    select * from {{ ref('base_cx__tickets') }}
    where reject_reason is null

),

final as (

    select
        ticket_id,
        customer_id,
        lower(channel) as channel,
        lower(priority) as priority,
        {{ cx_try_cast('created_at', 'timestamp') }} as created_at,
        subject,
        assignee_id,
        group_name,
        via_social_post_id,
        _loaded_at

    from validated

)

select * from final
