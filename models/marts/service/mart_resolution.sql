{#-
    Resolution per day × channel × priority × group. Ticket measures are about the tickets
    created that day (UTC): solved, resolution rate (first solve within var
    cx_resolution_window_days days of creation / created), resolution times, resolution SLA,
    one-touch and reopen rates (per solved ticket). backlog_at_day_end is a stock: tickets
    created by the end of that day and not solved (or closed) at that moment. A row exists for
    every day from the first ticket of the channel × priority × group to the build's "now"
    (int_as_of) on which tickets were created or the backlog is not empty.
-#}
{{ config(contract={'enforced': true}) }}

{%- set window_minutes = var('cx_resolution_window_days') * 1440 %}

with

fct_tickets as (

    select * from {{ ref('fct_tickets') }}

),

int_ticket_status_spells_sequenced as (

    select * from {{ ref('int_ticket_status_spells_sequenced') }}

),

int_as_of as (

    select * from {{ ref('int_as_of') }}

),

tickets as (

    select
        ticket_id,
        created_date,
        channel,
        priority,
        coalesce(group_name, '(none)') as group_name,
        is_solved,
        first_resolution_minutes,
        first_resolution_business_minutes,
        full_resolution_minutes,
        is_resolution_sla_breached,
        is_one_touch,
        reopen_count

    from fct_tickets

),

created_aggregated as (

    select
        created_date as report_date,
        channel,
        priority,
        group_name,
        count(*) as tickets_created,
        sum(case when is_solved then 1 else 0 end) as tickets_solved,
        sum(case when first_resolution_minutes <= {{ window_minutes }} then 1 else 0 end)
            as tickets_solved_within_window,
        {{ cx_percentile('first_resolution_minutes', 0.5, [0.5, 0.9]) }} as first_resolution_median_minutes,
        {{ cx_percentile('first_resolution_minutes', 0.9, [0.5, 0.9]) }} as first_resolution_p90_minutes,
        {{ cx_percentile('first_resolution_business_minutes', 0.5) }} as first_resolution_median_business_minutes,
        {{ cx_percentile('full_resolution_minutes', 0.5) }} as full_resolution_median_minutes,
        count(is_resolution_sla_breached) as resolution_sla_tickets,
        sum(case when is_resolution_sla_breached then 1 else 0 end) as resolution_sla_breached_tickets,
        sum(case when is_one_touch then 1 else 0 end) as one_touch_tickets,
        sum(case when is_solved and reopen_count > 0 then 1 else 0 end) as reopened_solved_tickets

    from tickets
    group by created_date, channel, priority, group_name

),

-- Backlog as a running sum: +1 on the day a ticket becomes unsolved (created, reopened),
-- -1 on the day it is solved; the sum up to a day is the backlog at that day's end.
spells_flagged as (

    select
        ticket_id,
        started_at,
        status not in ('solved', 'closed') as is_unsolved,
        lag(status not in ('solved', 'closed')) over (partition by ticket_id order by spell_number)
            as was_unsolved

    from int_ticket_status_spells_sequenced

),

backlog_changes as (

    select
        cast(spells_flagged.started_at as date) as report_date,
        tickets.channel,
        tickets.priority,
        tickets.group_name,
        sum(
            case
                when spells_flagged.is_unsolved and not coalesce(spells_flagged.was_unsolved, false) then 1
                when not spells_flagged.is_unsolved and coalesce(spells_flagged.was_unsolved, false) then -1
                else 0
            end
        ) as backlog_change

    from spells_flagged
    inner join tickets
        on spells_flagged.ticket_id = tickets.ticket_id
    group by cast(spells_flagged.started_at as date), tickets.channel, tickets.priority, tickets.group_name

),

segments as (

    select
        channel,
        priority,
        group_name,
        min(created_date) as first_date

    from tickets
    group by channel, priority, group_name

),

day_numbers as (

    {{ dbt.generate_series(var('cx_business_clock_max_days')) }}

),

report_date_range as (

    select
        min(segments.first_date) as first_date,
        cast(min(int_as_of.as_of_at) as date) as last_date

    from segments
    cross join int_as_of

),

report_day_count as (

    select
        first_date,
        {{ dbt.datediff('first_date', 'last_date', 'day') | trim }} + 1 as day_count

    from report_date_range

),

report_days as (

    select
        cast({{ dbt.dateadd('day', 'cast(day_numbers.generated_number as ' ~ dbt.type_int() ~ ') - 1',
            'report_day_count.first_date') }} as date) as report_date

    from report_day_count
    cross join day_numbers
    where day_numbers.generated_number <= report_day_count.day_count

),

segment_days as (

    select
        segments.channel,
        segments.priority,
        segments.group_name,
        report_days.report_date

    from segments
    inner join report_days
        on segments.first_date <= report_days.report_date

),

segment_days_with_backlog as (

    select
        segment_days.report_date,
        segment_days.channel,
        segment_days.priority,
        segment_days.group_name,
        sum(coalesce(backlog_changes.backlog_change, 0)) over (
            partition by segment_days.channel, segment_days.priority, segment_days.group_name
            order by segment_days.report_date
            rows between unbounded preceding and current row
        ) as backlog_at_day_end

    from segment_days
    left join backlog_changes
        on
            segment_days.report_date = backlog_changes.report_date
            and segment_days.channel = backlog_changes.channel
            and segment_days.priority = backlog_changes.priority
            and segment_days.group_name = backlog_changes.group_name

),

final as (

    select
        backlog_days.report_date,
        backlog_days.channel,
        backlog_days.priority,
        backlog_days.group_name,
        cast(coalesce(created.tickets_created, 0) as {{ dbt.type_bigint() }}) as tickets_created,
        cast(coalesce(created.tickets_solved, 0) as {{ dbt.type_bigint() }}) as tickets_solved,
        cast(coalesce(created.tickets_solved_within_window, 0) as {{ dbt.type_bigint() }})
            as tickets_solved_within_window,
        cast(
            created.tickets_solved_within_window * 1.0 / nullif(created.tickets_created, 0)
            as {{ dbt.type_numeric() }}
        ) as resolution_rate,
        cast(created.first_resolution_median_minutes as {{ dbt.type_numeric() }}) as first_resolution_median_minutes,
        cast(created.first_resolution_p90_minutes as {{ dbt.type_numeric() }}) as first_resolution_p90_minutes,
        cast(created.first_resolution_median_business_minutes as {{ dbt.type_numeric() }})
            as first_resolution_median_business_minutes,
        cast(created.full_resolution_median_minutes as {{ dbt.type_numeric() }}) as full_resolution_median_minutes,
        cast(coalesce(created.resolution_sla_tickets, 0) as {{ dbt.type_bigint() }}) as resolution_sla_tickets,
        cast(coalesce(created.resolution_sla_breached_tickets, 0) as {{ dbt.type_bigint() }})
            as resolution_sla_breached_tickets,
        cast(
            1 - created.resolution_sla_breached_tickets * 1.0 / nullif(created.resolution_sla_tickets, 0)
            as {{ dbt.type_numeric() }}
        ) as resolution_sla_attainment_rate,
        cast(coalesce(created.one_touch_tickets, 0) as {{ dbt.type_bigint() }}) as one_touch_tickets,
        cast(created.one_touch_tickets * 1.0 / nullif(created.tickets_solved, 0) as {{ dbt.type_numeric() }})
            as one_touch_rate,
        cast(coalesce(created.reopened_solved_tickets, 0) as {{ dbt.type_bigint() }}) as reopened_tickets,
        cast(created.reopened_solved_tickets * 1.0 / nullif(created.tickets_solved, 0) as {{ dbt.type_numeric() }})
            as reopen_rate,
        cast(backlog_days.backlog_at_day_end as {{ dbt.type_bigint() }}) as backlog_at_day_end

    from segment_days_with_backlog as backlog_days
    left join created_aggregated as created
        on
            backlog_days.report_date = created.report_date
            and backlog_days.channel = created.channel
            and backlog_days.priority = created.priority
            and backlog_days.group_name = created.group_name
    where
        created.tickets_created > 0
        or backlog_days.backlog_at_day_end <> 0

)

select * from final
