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
    that is absent (docs/source_contract.md) counts 0 rows.
-#}
{% test row_count_reconciles(model, source_relation, rejected_relation, staged_rows_where=none) %}

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
