{#-
    The social marts add up: every customer-rooted thread known at cx_as_of is one conversation,
    the daily mart counts every conversation it should (orphans per var
    cx_social_count_orphan_threads), and the follow-up list holds exactly the unanswered ones.
    Returns one row per check that fails.
-#}
with

int_social_posts_threaded as (

    select * from {{ ref('int_social_posts_threaded') }}

),

int_as_of as (

    select * from {{ ref('int_as_of') }}

),

fct_social_conversations as (

    select * from {{ ref('fct_social_conversations') }}

),

mart_social_responsiveness as (

    select * from {{ ref('mart_social_responsiveness') }}

),

unanswered_social_posts as (

    select * from {{ ref('unanswered_social_posts') }}

),

checks as (

    select
        'customer roots = conversations' as check_name,
        (
            select count(*)
            from int_social_posts_threaded
            cross join int_as_of
            where
                int_social_posts_threaded.thread_depth = 0
                and not int_social_posts_threaded.author_is_brand
                and int_social_posts_threaded.created_at <= int_as_of.as_of_at
        ) as expected_rows,
        (select count(*) from fct_social_conversations) as actual_rows

    union all

    select
        'mart conversations = counted conversations' as check_name,
        (
            select count(*)
            from fct_social_conversations
            where {{ 'true' if var('cx_social_count_orphan_threads') else 'not is_orphan_thread' }}
        ) as expected_rows,
        (select coalesce(sum(conversations), 0) from mart_social_responsiveness) as actual_rows

    union all

    select
        'unanswered list = unanswered conversations' as check_name,
        (
            select count(*)
            from fct_social_conversations
            where not is_answered
        ) as expected_rows,
        (select count(*) from unanswered_social_posts) as actual_rows

),

final as (

    select * from checks
    where expected_rows <> actual_rows

)

select * from final
