{%- set default_schedule_id = dbt.string_literal(var('cx_default_schedule_id')) -%}
with

validated as (

    select * from {{ ref('base_cx__schedules') }}
    where reject_reason is null

),

business_hours as (

    select * from {{ ref('base_cx__business_hours') }}
    where reject_reason is null

),

-- Schedules that business_hours names but schedules does not list (in v1 data: the default
-- schedule, var cx_default_schedule_id, of the rows without schedule_id). Their rows all carry
-- a zone of their own; the schedule's zone is the first of them by name (the same for every
-- row in practice; each staged business_hours row keeps its own).
schedules_of_business_hours as (

    select
        coalesce(business_hours.schedule_id, {{ default_schedule_id }}) as schedule_id,
        min(business_hours.timezone) as timezone

    from business_hours
    left join validated
        on coalesce(business_hours.schedule_id, {{ default_schedule_id }}) = validated.schedule_id
    where validated.schedule_id is null
    group by coalesce(business_hours.schedule_id, {{ default_schedule_id }})

),

schedules_unioned as (

    select
        schedule_id,
        name as schedule_name,
        timezone

    from validated

    union all

    select
        schedule_id,
        cast(null as {{ dbt.type_string() }}) as schedule_name,
        timezone

    from schedules_of_business_hours

),

final as (

    select
        schedule_id,
        schedule_name,
        timezone

    from schedules_unioned

)

select * from final
