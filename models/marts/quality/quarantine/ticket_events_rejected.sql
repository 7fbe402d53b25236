with

validated_ticket_events as (

    select * from {{ ref('base_cx__ticket_events') }}

),

final as (

    select * from validated_ticket_events
    where reject_reason is not null

)

select * from final
