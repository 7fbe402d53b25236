{#-
    Source rows are counted on the validation model base_cx__<table>, which holds one row per
    raw row by construction (it filters nothing), so this model reads no source directly.
    stg_cx__schedules also holds the schedules that only business_hours names (the default
    schedule of v1 data): its staged rows counted here are those of schedules listed in raw
    schedules.
-#}
{%- set staged_rows_filters = {
    'schedules': 'schedule_id in (select schedule_id from ' ~ ref('base_cx__schedules')
        ~ ' where reject_reason is null)',
} -%}
with

row_counts as (

    {% for table_name in cx_contract_tables() %}
        select
            '{{ table_name }}' as source_table,
            (select count(*) from {{ ref('base_cx__' ~ table_name) }}) as source_rows,
            (
                select count(*)
                from {{ ref('stg_cx__' ~ table_name) }}
                {% if table_name in staged_rows_filters -%}
                    where {{ staged_rows_filters[table_name] }}
                {%- endif %}
            ) as staged_rows,
            (select count(*) from {{ ref(table_name ~ '_rejected') }}) as rejected_rows
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

final as (

    select
        cast(source_table as {{ dbt.type_string() }}) as source_table,
        cast(source_rows as {{ dbt.type_bigint() }}) as source_rows,
        cast(staged_rows as {{ dbt.type_bigint() }}) as staged_rows,
        cast(rejected_rows as {{ dbt.type_bigint() }}) as rejected_rows,
        source_rows = staged_rows + rejected_rows as is_reconciled

    from row_counts

)

select * from final
