{#-
    The quarantine model of one raw table: every row of its validation model (base_cx__<table>)
    that broke a data rule, with the values as received, reject_reason and rejected_column.
    Each <table>_rejected model in models/quarantine/ is this one call. The field-level reasons
    (<column>_reject_reason) stay out: a quarantined row is rejected as a whole.
-#}
{% macro cx_rejected_rows(table_name) %}
{%- set columns = cx_source_contract()[table_name]['columns'] | map(attribute='name') | list -%}
with

validated_rows as (

    select * from {{ ref('base_cx__' ~ table_name) }}

),

final as (

    select
        {%- for column in columns %}
        {{ column }},
        {%- endfor %}
        _loaded_at,
        reject_reason,
        rejected_column

    from validated_rows
    where reject_reason is not null

)

select * from final
{% endmacro %}
