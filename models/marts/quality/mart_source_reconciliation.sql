{%- set contract_tables = cx_contract_tables() -%}

with

{% for table_name in contract_tables %}
{{ table_name }}_counts as (

    select
        '{{ table_name }}' as source_table,
        (select count(*) from {{ source('cx', table_name) }}) as source_rows,
        (select count(*) from {{ ref('stg_cx__' ~ table_name) }}) as staged_rows,
        (select count(*) from {{ ref(table_name ~ '_rejected') }}) as rejected_rows

),

{% endfor %}
unioned as (

    {% for table_name in contract_tables %}
    select * from {{ table_name }}_counts
    {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

final as (

    select
        source_table,
        source_rows,
        staged_rows,
        rejected_rows,
        source_rows = staged_rows + rejected_rows as is_reconciled

    from unioned

)

select * from final
