{#-
    cx_credited_periods_changed(credited_type): a query of the periods (period_type, period_start)
    whose rows of int_ticket_performance_credited for credited_type ('agent' or 'group') changed
    in its latest build: new, changed or withdrawn rows all carry that build's changed_at, the
    latest in the table. The periods that mart_agent_performance and mart_group_performance
    recompute on an incremental run (docs/incremental.md).
-#}
{% macro cx_credited_periods_changed(credited_type) -%}
    select distinct
        period_type,
        period_start
    from {{ ref('int_ticket_performance_credited') }}
    where
        credited_type = '{{ credited_type }}'
        and changed_at = (select max(changed_at) from {{ ref('int_ticket_performance_credited') }})
{%- endmacro %}
