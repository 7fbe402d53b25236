{%- set quarantined_tables = cx_contract_tables() -%}

with

{% for table_name in quarantined_tables %}
{{ table_name }}_rejected as (

    select
        '{{ table_name }}' as source_table,
        reject_reason,
        rejected_column,
        count(*) as rejected_rows

    from {{ ref(table_name ~ '_rejected') }}
    group by reject_reason, rejected_column

),

{% endfor %}
final as (

    {% for table_name in quarantined_tables %}
    select * from {{ table_name }}_rejected
    {% if not loop.last %}union all{% endif %}
    {% endfor %}

)

select * from final
