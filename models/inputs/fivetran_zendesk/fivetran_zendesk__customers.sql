{#-
    Customers = Zendesk end users (user.role 'end-user'), deleted rows (_fivetran_deleted) out.
    The customer attributes come from user columns named by var
    cx_fivetran_zendesk_customer_columns (custom user fields); a column the table lacks is null.
-#}
{{ config(enabled=var('cx_input_format', 'contract') == 'fivetran_zendesk') }}
{%- set fields = var('cx_fivetran_zendesk_customer_columns') -%}

with

zendesk_user as (

    {{ cx_fivetran_zendesk_read('user', {
        'id': 'bigint', 'email': 'text', 'role': 'text', 'created_at': 'timestamp',
        fields['segment']: 'text', fields['region']: 'text', fields['churned_at']: 'timestamp',
        fields['annual_revenue']: 'numeric', fields['is_incentivized']: 'boolean',
        '_fivetran_deleted': 'boolean', '_fivetran_synced': 'timestamp',
    }) }}

),

end_users as (

    select * from zendesk_user
    where
        role = 'end-user'
        and not coalesce(_fivetran_deleted, false)

),

final as (

    select
        {{ cx_fivetran_zendesk_id('id') }} as customer_id,
        {{ fields['segment'] }} as segment,
        {{ fields['region'] }} as region,
        created_at as signup_at,
        {{ fields['churned_at'] }} as churned_at,
        {{ fields['annual_revenue'] }} as annual_revenue,
        email,
        {{ fields['is_incentivized'] }} as is_incentivized,
        _fivetran_synced as _loaded_at

    from end_users

)

select * from final
