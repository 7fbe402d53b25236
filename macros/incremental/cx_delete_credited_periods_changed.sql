{#-
    cx_delete_credited_periods_changed(credited_type): pre-hook of mart_agent_performance and
    mart_group_performance: on incremental runs, deletes the rows of every period that
    cx_credited_periods_changed lists, which the model then computes again (a period left with
    nothing to count stays deleted). Renders nothing on full builds.
-#}
{% macro cx_delete_credited_periods_changed(credited_type) -%}
    {%- if is_incremental() -%}
        delete from {{ this }}
        where (period_type, period_start) in ({{ cx_credited_periods_changed(credited_type) }})
    {%- endif -%}
{%- endmacro %}
