{#-
    Field-level findings: one row per staged raw row and optional column whose value broke a
    data rule. The row itself was staged, with that field null (docs/source_contract.md "Data
    rules and quarantine codes"): a bad annual_revenue does not drop the customer, nor its
    tickets, events and surveys with it.
-#}
{%- set contract = cx_source_contract() -%}
with

field_findings as (

    {% for table_name in cx_contract_tables() if contract[table_name]['columns'] | selectattr('nullable') | list %}
        {%- set key_parts = [] -%}
        {%- for key_column in contract[table_name]['key'] -%}
            {%- do key_parts.append("coalesce(" ~ key_column ~ ", '')") -%}
            {%- if not loop.last %}{% do key_parts.append("'|'") %}{% endif -%}
        {%- endfor -%}
        {%- for column in contract[table_name]['columns'] | selectattr('nullable') %}
            select
                '{{ table_name }}' as source_table,
                {{ dbt.concat(key_parts) if key_parts | length > 1 else key_parts[0] }} as row_key,
                '{{ column.name }}' as rejected_column,
                {{ column.name }}_reject_reason as reject_reason,
                {{ column.name }} as rejected_value,
                _loaded_at

            from {{ ref('base_cx__' ~ table_name) }}
            where reject_reason is null and {{ column.name }}_reject_reason is not null
            {% if not loop.last %}union all{% endif %}
        {%- endfor %}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

final as (

    select
        cast(source_table as {{ dbt.type_string() }}) as source_table,
        cast(row_key as {{ dbt.type_string() }}) as row_key,
        cast(rejected_column as {{ dbt.type_string() }}) as rejected_column,
        cast(reject_reason as {{ dbt.type_string() }}) as reject_reason,
        cast(rejected_value as {{ dbt.type_string() }}) as rejected_value,
        _loaded_at

    from field_findings

)

select * from final
