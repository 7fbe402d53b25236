{#-
    CSAT answers from Zendesk's satisfaction_rating: a rating whose score is not offered /
    unoffered is an answer to the invitation of the same id (responded_at = updated_at). good ->
    the top of the CSAT scale, bad -> its bottom (var cx_survey_score_ranges, 5 and 1 by
    default): good counts as satisfied, bad as not. Any other score passes unchanged, so the
    validation layer quarantines it (unparseable_value:score).
-#}
{{ config(enabled=var('cx_input_format', 'contract') == 'fivetran_zendesk') }}
{%- set csat_range = var('cx_survey_score_ranges')['csat'] -%}

with

zendesk_satisfaction_rating as (

    {{ cx_fivetran_zendesk_read('satisfaction_rating', {
        'id': 'bigint', 'ticket_id': 'bigint', 'requester_id': 'bigint', 'score': 'text', 'comment': 'text',
        'updated_at': 'timestamp', '_fivetran_deleted': 'boolean', '_fivetran_synced': 'timestamp',
    }) }}

),

answers as (

    select * from zendesk_satisfaction_rating
    where
        not coalesce(_fivetran_deleted, false)
        and coalesce(lower(score), 'offered') not in ('offered', 'unoffered')

),

final as (

    select
        {{ cx_fivetran_zendesk_id('id') }} as response_id,
        {{ cx_fivetran_zendesk_id('id') }} as invitation_id,
        {{ cx_fivetran_zendesk_id('requester_id') }} as customer_id,
        {{ cx_fivetran_zendesk_id('ticket_id') }} as ticket_id,
        'csat' as survey_type,
        case lower(score)
            when 'good' then '{{ csat_range[1] }}'
            when 'bad' then '{{ csat_range[0] }}'
            else score
        end as score,
        comment,
        updated_at as responded_at,
        cast(null as {{ dbt.type_timestamp() }}) as followed_up_at,
        _fivetran_synced as _loaded_at

    from answers

)

select * from final
