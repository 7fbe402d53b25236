with

validated_social_posts as (

    select * from {{ ref('base_cx__social_posts') }}

),

final as (

    select * from validated_social_posts
    where reject_reason is not null

)

select * from final
