{#-
    CSAT invitations from Zendesk's satisfaction_rating: every rating is one invitation (sent_at =
    created_at), whatever its score - offered and unoffered ones are invitations without answer.
    Deleted rows out; the table may be absent (no CSAT in the account).
-#}
{{ config(enabled=var('cx_input_format', 'contract') == 'fivetran_zendesk') }}

with

zendesk_satisfaction_rating as (

    {{ cx_fivetran_zendesk_read('satisfaction_rating', {
        'id': 'bigint', 'ticket_id': 'bigint', 'requester_id': 'bigint', 'created_at': 'timestamp',
        '_fivetran_deleted': 'boolean', '_fivetran_synced': 'timestamp',
    }) }}

),

final as (

    select
        {{ cx_fivetran_zendesk_id('id') }} as invitation_id,
        {{ cx_fivetran_zendesk_id('requester_id') }} as customer_id,
        {{ cx_fivetran_zendesk_id('ticket_id') }} as ticket_id,
        'csat' as survey_type,
        cast(null as {{ dbt.type_string() }}) as channel,
        created_at as sent_at,
        _fivetran_synced as _loaded_at

    from zendesk_satisfaction_rating
    where not coalesce(_fivetran_deleted, false)

)

select * from final
