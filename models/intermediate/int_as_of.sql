{#-
    The instant "now" means for every open duration, backlog and open breach: the var cx_as_of
    when it is set, else the latest timestamp in the staged data. Never the wall clock, so
    two builds on the same data give the same marts.
-#}
{%- set as_of = var('cx_as_of', none) -%}
{%- set as_of_literal = ("'" ~ as_of ~ "'") if as_of else 'null' -%}

with

ticket_events as (

    select * from {{ ref('stg_cx__ticket_events') }}

),

tickets as (

    select * from {{ ref('stg_cx__tickets') }}

),

social_posts as (

    select * from {{ ref('stg_cx__social_posts') }}

),

survey_responses as (

    select * from {{ ref('stg_cx__survey_responses') }}

),

survey_invitations as (

    select * from {{ ref('stg_cx__survey_invitations') }}

),

latest_timestamps as (

    select max(event_at) as latest_at from ticket_events
    union all
    select max(created_at) as latest_at from tickets
    union all
    select max(created_at) as latest_at from social_posts
    union all
    select max(responded_at) as latest_at from survey_responses
    union all
    select max(followed_up_at) as latest_at from survey_responses
    union all
    select max(sent_at) as latest_at from survey_invitations

),

final as (

    select coalesce(cast({{ as_of_literal }} as {{ dbt.type_timestamp() }}), max(latest_at)) as as_of_at

    from latest_timestamps

)

select * from final
