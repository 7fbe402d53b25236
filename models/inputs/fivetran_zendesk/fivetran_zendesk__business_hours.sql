{#-
    Business hours from Zendesk's schedule intervals: start_time / end_time are minutes from
    Sunday 00:00 of the week in the schedule's zone (1980 = Monday 09:00). An interval is cut at
    every midnight it spans, one row per day: day_of_week ISO (Zendesk day 0 = Sunday = 7),
    start_time / end_time 'HH:MM' ('24:00' at a day's end). timezone = the schedule's IANA zone
    (seed zendesk_time_zones; a name it does not know passes unchanged). Deleted rows out.
-#}
{{ config(enabled=var('cx_input_format', 'contract') == 'fivetran_zendesk') }}

with

zendesk_schedule as (

    {{ cx_fivetran_zendesk_read('schedule', {
        'id': 'bigint', 'time_zone': 'text', 'start_time': 'bigint', 'end_time': 'bigint',
        '_fivetran_deleted': 'boolean', '_fivetran_synced': 'timestamp',
    }) }}

),

zendesk_time_zones as (

    select * from {{ ref('zendesk_time_zones') }}

),

-- day 7 is the next Sunday, for an interval that runs to the end of the week
week_days as (

    select 0 as day_index
    union all
    select 1 as day_index
    union all
    select 2 as day_index
    union all
    select 3 as day_index
    union all
    select 4 as day_index
    union all
    select 5 as day_index
    union all
    select 6 as day_index
    union all
    select 7 as day_index

),

intervals_cut_at_midnight as (

    select
        zendesk_schedule.id,
        zendesk_schedule.time_zone,
        week_days.day_index,
        greatest(zendesk_schedule.start_time, week_days.day_index * 1440) - week_days.day_index * 1440
            as start_minute,
        least(zendesk_schedule.end_time, (week_days.day_index + 1) * 1440) - week_days.day_index * 1440
            as end_minute,
        zendesk_schedule._fivetran_synced

    from zendesk_schedule
    inner join week_days
        on
            zendesk_schedule.start_time < (week_days.day_index + 1) * 1440
            and zendesk_schedule.end_time > week_days.day_index * 1440
    where not coalesce(zendesk_schedule._fivetran_deleted, false)

),

final as (

    select
        {{ cx_fivetran_zendesk_id('intervals_cut_at_midnight.id') }} as schedule_id,
        case
            when intervals_cut_at_midnight.day_index % 7 = 0 then 7
            else intervals_cut_at_midnight.day_index % 7
        end as day_of_week,
        {%- for bound in ['start', 'end'] %}
        {{ dbt.concat([
            dbt.right(dbt.concat(["'0'", 'cast(cast(floor(intervals_cut_at_midnight.' ~ bound ~ '_minute / 60) as '
                ~ dbt.type_bigint() ~ ') as ' ~ dbt.type_string() ~ ')']), 2),
            "':'",
            dbt.right(dbt.concat(["'0'", 'cast(intervals_cut_at_midnight.' ~ bound ~ '_minute % 60 as '
                ~ dbt.type_string() ~ ')']), 2),
        ]) }} as {{ bound }}_time,
        {%- endfor %}
        coalesce(zendesk_time_zones.iana_time_zone, intervals_cut_at_midnight.time_zone) as timezone,
        intervals_cut_at_midnight._fivetran_synced as _loaded_at

    from intervals_cut_at_midnight
    left join zendesk_time_zones
        on intervals_cut_at_midnight.time_zone = zendesk_time_zones.zendesk_time_zone

)

select * from final
