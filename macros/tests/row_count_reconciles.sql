{#-
    Generic test row_count_reconciles: nothing is lost between a raw table and staging.
    Every raw row is either staged (the model under test) or quarantined (rejected_model):
        source rows = staged rows + rejected rows
    Arguments:
      source_relation: the raw table, e.g. source('cx', 'tickets')
      rejected_relation: its quarantine model, e.g. ref('tickets_rejected')
      staged_rows_where (optional): a condition on the model's rows that come from the raw table,
        for a staging model that holds rows of another origin too (stg_cx__schedules)
    Fails with one row naming the tables, the rule and the three counts. An optional raw table
    that is absent (docs/source_contract.md) counts 0 rows. A raw table that an input model
    produces (var cx_input_format, cx_input_model) is counted on that model.
-#}
{% test row_count_reconciles(model, source_relation, rejected_relation, staged_rows_where=none) %}

{#- The input model is built before the staged model under test, so no ref is needed. -#}
{%- set raw = namespace(relation=source_relation) %}
{%- for table_name in cx_metrics.cx_contract_tables()
    if execute and cx_metrics.cx_input_model(table_name)
    and source_relation.identifier == var('cx_' ~ table_name ~ '_identifier', table_name) %}
    {%- set input_node = graph.nodes['model.cx_metrics.' ~ cx_metrics.cx_input_model(table_name)] %}
    {%- set raw.relation = api.Relation.create(
        database=input_node.database, schema=input_node.schema, identifier=input_node.alias) %}
{%- endfor %}
{%- set source_relation = raw.relation %}

{%- set source_exists = (load_relation(source_relation) is not none) if execute else true %}

with

counts as (

    select
        '{{ source_relation.identifier }}' as source_table,
        '{{ model.identifier }}' as staged_model,
        '{{ rejected_relation.identifier }}' as rejected_model,
        {% if source_exists -%}
            (select count(*) from {{ source_relation }}) as source_rows,
        {%- else -%}
            0 as source_rows,
        {%- endif %}
        (
            select count(*) from {{ model }}
            {% if staged_rows_where -%}
                where {{ staged_rows_where }}
            {%- endif %}
        ) as staged_rows,
        (select count(*) from {{ rejected_relation }}) as rejected_rows

),

final as (

    select
        staged_model as model_name,
        '(row count)' as column_name,
        'row_count_reconciles: source rows = staged rows + rejected rows' as rule,
        counts.*

    from counts
    where source_rows <> staged_rows + rejected_rows

)

select * from final

{% endtest %}
