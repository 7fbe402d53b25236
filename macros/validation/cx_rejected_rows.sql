{#-
    The quarantine model of one raw table: every row of its validation model (base_cx__<table>)
    that broke a data rule, with the values as received, reject_reason and rejected_column.
    Each <table>_rejected model in models/quarantine/ is this one call.
-#}
{% macro cx_rejected_rows(table_name) %}
with

validated_rows as (

    select * from {{ ref('base_cx__' ~ table_name) }}

),

final as (

    select * from validated_rows
    where reject_reason is not null

)

select * from final
{% endmacro %}
