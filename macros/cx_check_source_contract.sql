{#-
    cx_check_source_contract(): on-run-start hook. Before anything runs in `dbt run` or
    `dbt build`, checks every raw table whose validation model is selected against the source
    contract (cx_check_raw_table) and stops the run with one message listing every problem: a
    required table that is absent, a required column missing (the table, the column and what the
    contract expects). A table that this run creates first (a selected seed of the same name and
    schema, such as the demo seeds) is checked by its validation model instead, as is a table
    that an input model produces (var cx_input_format, cx_input_model). Notices (absent
    optional tables and columns, empty tables) are logged by the validation models.
-#}
{% macro cx_check_source_contract() %}
    {%- if not execute or flags.WHICH not in ['run', 'build'] -%}
        {{ return('') }}
    {%- endif -%}
    {%- set seeds_of_this_run = [] -%}
    {%- for node in graph.nodes.values()
        if node.resource_type == 'seed' and node.unique_id in selected_resources -%}
        {%- do seeds_of_this_run.append(
            ((node.database or '') ~ '.' ~ node.schema ~ '.' ~ (node.alias or node.name)) | lower) -%}
    {%- endfor -%}
    {%- set problems = [] -%}
    {%- for table_name in cx_contract_tables()
        if 'model.cx_metrics.base_cx__' ~ table_name in selected_resources and not cx_input_model(table_name) -%}
        {%- set source_node = graph.sources['source.cx_metrics.cx.' ~ table_name] -%}
        {%- set relation = api.Relation.create(
            database=source_node.database, schema=source_node.schema, identifier=source_node.identifier) -%}
        {%- set name = ((source_node.database or '') ~ '.' ~ source_node.schema ~ '.' ~ source_node.identifier) | lower -%}
        {%- if name not in seeds_of_this_run -%}
            {%- do problems.extend(cx_check_raw_table(table_name, relation)['problems']) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- if problems -%}
        {{ exceptions.raise_compiler_error(
            'cx-metrics source contract (docs/source_contract.md):\n  - ' ~ problems | join('\n  - ')) }}
    {%- endif -%}
    {{ return('') }}
{% endmacro %}
