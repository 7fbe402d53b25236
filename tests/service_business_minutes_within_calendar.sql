{#-
    Business minutes can never exceed calendar minutes, nor be negative, for the same span.
-#}
with

fct_tickets as (

    select * from {{ ref('fct_tickets') }}

),

final as (

    select
        ticket_id,
        first_reply_minutes,
        first_reply_business_minutes,
        first_resolution_minutes,
        first_resolution_business_minutes

    from fct_tickets
    where
        first_reply_business_minutes > first_reply_minutes + 0.000001
        or first_reply_business_minutes < 0
        or first_resolution_business_minutes > first_resolution_minutes + 0.000001
        or first_resolution_business_minutes < 0

)

select * from final
