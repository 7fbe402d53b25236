{#-
    cx_credited_periods_changed_filter(credited_type): the where clause of the import CTE of
    int_ticket_performance_credited in mart_agent_performance and mart_group_performance: on
    incremental runs, only the rows of the periods that cx_credited_periods_changed lists;
    renders nothing on full builds (and in unit tests, which run the full-build branch).
-#}
{% macro cx_credited_periods_changed_filter(credited_type) -%}
    {%- if execute and this is not none and is_incremental() %}
    where (period_type, period_start) in ({{ cx_credited_periods_changed(credited_type) }})
    {%- endif -%}
{%- endmacro %}
