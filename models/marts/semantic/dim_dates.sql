{#-
    The day time spine of the semantic layer (MetricFlow, models/marts/semantic): one row per
    calendar day from the first day of the month of the earliest date in the data (customers'
    signups and churns, tickets, survey invitations and responses, social posts) to the last day
    of the month of the latest one or of the build's "now" (int_as_of). Cumulative metrics (the
    customers active at a month's start, for churn) are computed on it. At most
    var cx_business_clock_max_days days, the bound of the business clock's day spine.
-#}
{{ config(contract={'enforced': true}) }}

with

stg_cx__customers as (

    select * from {{ ref('stg_cx__customers') }}

),

stg_cx__tickets as (

    select * from {{ ref('stg_cx__tickets') }}

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

int_as_of as (

    select * from {{ ref('int_as_of') }}

),

data_timestamps as (

    select signup_at as data_at from stg_cx__customers
    union all
    select churned_at as data_at from stg_cx__customers
    union all
    select created_at as data_at from stg_cx__tickets
    union all
    select sent_at as data_at from stg_cx__survey_invitations
    union all
    select responded_at as data_at from stg_cx__survey_responses
    union all
    select created_at as data_at from stg_cx__social_posts
    union all
    select as_of_at as data_at from int_as_of

),

date_range as (

    select
        cast({{ dbt.date_trunc('month', 'min(data_at)') }} as date) as first_date,
        cast({{ dbt.date_trunc('month', 'max(data_at)') }} as date) as last_month_start_date

    from data_timestamps

),

date_range_ended as (

    select
        first_date,
        -- the day after the spine: the first day of the month after the latest date
        cast({{ dbt.dateadd('month', 1, 'last_month_start_date') }} as date) as end_date

    from date_range

),

day_count as (

    select
        first_date,
        {{ dbt.datediff('first_date', 'end_date', 'day') | trim }} as days_in_range

    from date_range_ended

),

day_numbers as (

    {{ dbt.generate_series(var('cx_business_clock_max_days')) }}

),

final as (

    select
        cast({{ dbt.dateadd('day', 'cast(day_numbers.generated_number as ' ~ dbt.type_int() ~ ') - 1',
            'day_count.first_date') }} as date) as date_day

    from day_count
    cross join day_numbers
    where day_numbers.generated_number <= day_count.days_in_range

)

select * from final
