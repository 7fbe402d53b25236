{#-
    One row per ticket whose per-ticket rows the incremental models rebuild in this build
    (docs/incremental.md): the tickets int_tickets_rebuild_flagged flags is_rebuilt, staged or
    not (a ticket that left staging is rebuilt to nothing: the per-ticket models' pre-hook
    deletes its rows). Every staged ticket on a full build.
-#}
{{ config(materialized='table') }}

with

int_tickets_rebuild_flagged as (

    select * from {{ ref('int_tickets_rebuild_flagged') }}

),

final as (

    select ticket_id
    from int_tickets_rebuild_flagged
    where is_rebuilt

)

select * from final
