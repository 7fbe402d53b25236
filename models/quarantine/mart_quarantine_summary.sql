with

findings as (

    {% for table_name in cx_contract_tables() %}
        select
            '{{ table_name }}' as source_table,
            reject_reason,
            rejected_column,
            'row' as finding_level
        from {{ ref(table_name ~ '_rejected') }}
        union all
    {% endfor %}
    select
        source_table,
        reject_reason,
        rejected_column,
        'field' as finding_level
    from {{ ref('field_values_rejected') }}

),

final as (

    select
        cast(source_table as {{ dbt.type_string() }}) as source_table,
        cast(reject_reason as {{ dbt.type_string() }}) as reject_reason,
        cast(rejected_column as {{ dbt.type_string() }}) as rejected_column,
        cast(count(*) as {{ dbt.type_bigint() }}) as rejected_rows,
        cast(finding_level as {{ dbt.type_string() }}) as finding_level

    from findings
    group by source_table, reject_reason, rejected_column, finding_level

)

select * from final
