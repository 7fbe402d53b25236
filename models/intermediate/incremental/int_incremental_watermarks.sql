{#-
    One row: how far the staged data reaches in this build (latest data timestamp, latest load
    time, reference tables included) and how far it reached in the previous build, which the *_to_rebuild models compare rows
    with (docs/incremental.md). On a full build the previous values are null: everything rebuilds.
-#}
{{ config(
    materialized=cx_incremental_materialized(),
    incremental_strategy='delete+insert',
    on_schema_change='append_new_columns',
    unique_key='watermark_key',
) }}

with

stg_cx__tickets as (

    select * from {{ ref('stg_cx__tickets') }}

),

stg_cx__ticket_events as (

    select * from {{ ref('stg_cx__ticket_events') }}

),

stg_cx__ticket_schedules as (

    select * from {{ ref('stg_cx__ticket_schedules') }}

),

stg_cx__ticket_sla_policies as (

    select * from {{ ref('stg_cx__ticket_sla_policies') }}

),

stg_cx__survey_invitations as (

    select * from {{ ref('stg_cx__survey_invitations') }}

),

stg_cx__survey_responses as (

    select * from {{ ref('stg_cx__survey_responses') }}

),

stg_cx__social_posts as (

    select * from {{ ref('stg_cx__social_posts') }}

),

stg_cx__customers as (

    select * from {{ ref('stg_cx__customers') }}

),

stg_cx__customer_identities as (

    select * from {{ ref('stg_cx__customer_identities') }}

),

stg_cx__agents as (

    select * from {{ ref('stg_cx__agents') }}

),

stg_cx__business_hours as (

    select * from {{ ref('stg_cx__business_hours') }}

),

stg_cx__holidays as (

    select * from {{ ref('stg_cx__holidays') }}

),

stg_cx__sla_policies as (

    select * from {{ ref('stg_cx__sla_policies') }}

),

stg_cx__sla_policy_targets as (

    select * from {{ ref('stg_cx__sla_policy_targets') }}

),

latest_per_table as (

    {#- Each staged table's latest data timestamp (none for reference tables) and load time. #}
    {%- set data_columns = [
        ('stg_cx__tickets', 'created_at'),
        ('stg_cx__ticket_events', 'event_at'),
        ('stg_cx__ticket_schedules', 'valid_from_at'),
        ('stg_cx__ticket_sla_policies', 'applied_at'),
        ('stg_cx__survey_invitations', 'sent_at'),
        ('stg_cx__survey_responses', 'responded_at'),
        ('stg_cx__survey_responses', 'followed_up_at'),
        ('stg_cx__social_posts', 'created_at'),
        ('stg_cx__customers', none),
        ('stg_cx__customer_identities', none),
        ('stg_cx__agents', none),
        ('stg_cx__business_hours', none),
        ('stg_cx__holidays', none),
        ('stg_cx__sla_policies', none),
        ('stg_cx__sla_policy_targets', none),
    ] %}
    {%- for relation, data_column in data_columns %}
        {%- set data_at = 'max(' ~ data_column ~ ')' if data_column else 'cast(null as ' ~ dbt.type_timestamp() ~ ')' %}
        select
            {{ data_at }} as data_at,
            max(_loaded_at) as loaded_at
        from {{ relation }}
        {% if not loop.last %}union all{% endif %}
    {%- endfor %}

),

-- The previous build's row: this table's on incremental runs, none on a full build.
previous_build as (

    select
        max(data_through_at) as previous_data_through_at,
        max(loaded_through_at) as previous_loaded_through_at

    {% if is_incremental() -%}
        from {{ this }}
    {%- else -%}
        from (
            select
                cast(null as {{ dbt.type_timestamp() }}) as data_through_at,
                cast(null as {{ dbt.type_timestamp() }}) as loaded_through_at
        ) as no_build
    {%- endif %}

),

this_build as (

    select
        max(data_at) as data_through_at,
        max(loaded_at) as loaded_through_at

    from latest_per_table

),

final as (

    select
        cast('cx_metrics' as {{ dbt.type_string() }}) as watermark_key,
        cast(this_build.data_through_at as {{ dbt.type_timestamp() }}) as data_through_at,
        cast(this_build.loaded_through_at as {{ dbt.type_timestamp() }}) as loaded_through_at,
        cast(previous_build.previous_data_through_at as {{ dbt.type_timestamp() }}) as previous_data_through_at,
        cast(previous_build.previous_loaded_through_at as {{ dbt.type_timestamp() }}) as previous_loaded_through_at

    from this_build
    cross join previous_build

)

select * from final
