with

rejected_rows as (

    {% for table_name in cx_contract_tables() %}
        select
            '{{ table_name }}' as source_table,
            reject_reason,
            rejected_column
        from {{ ref(table_name ~ '_rejected') }}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

final as (

    select
        cast(source_table as {{ dbt.type_string() }}) as source_table,
        cast(reject_reason as {{ dbt.type_string() }}) as reject_reason,
        cast(rejected_column as {{ dbt.type_string() }}) as rejected_column,
        cast(count(*) as {{ dbt.type_bigint() }}) as rejected_rows

    from rejected_rows
    group by source_table, reject_reason, rejected_column

)

select * from final
