{#-
    Generic test quarantine_is_empty: raises a warning (or an error, var cx_quarantine_severity)
    when rows of a raw table were quarantined, with one row per table, broken rule and column,
    so the message names what to fix in the raw data. Apply it to a <table>_rejected model (with
    source_table, the raw table's name), or to field_values_rejected (source_table omitted: the
    model's own source_table column).
-#}
{% test quarantine_is_empty(model, source_table=none) %}

{{ config(severity=var('cx_quarantine_severity', 'warn')) }}

{%- set table_expression = "'" ~ source_table ~ "'" if source_table else 'source_table' %}
{%- set group_columns = ['rejected_column', 'reject_reason'] if source_table
    else ['source_table', 'rejected_column', 'reject_reason'] %}

with

final as (

    select
        {{ table_expression }} as source_table,
        rejected_column,
        reject_reason,
        count(*) as rejected_rows

    from {{ model }}
    group by {{ group_columns | join(', ') }}

)

select * from final

{% endtest %}
