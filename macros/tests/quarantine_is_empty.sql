{#-
    Generic test quarantine_is_empty: raises a warning (or an error, var cx_quarantine_severity)
    when rows of a raw table were quarantined, with one row per table, broken rule and column,
    so the message names what to fix in the raw data. Apply it to a <table>_rejected model.
-#}
{% test quarantine_is_empty(model, source_table) %}

{{ config(severity=var('cx_quarantine_severity', 'warn')) }}

with

final as (

    select
        '{{ source_table }}' as source_table,
        rejected_column,
        reject_reason,
        count(*) as rejected_rows

    from {{ model }}
    group by rejected_column, reject_reason

)

select * from final

{% endtest %}
