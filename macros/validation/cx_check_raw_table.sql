{#-
    cx_check_raw_table(table_name, relation): the source contract check of one raw table, run
    when the SQL is about to be executed. Returns a dict:
      existing     the table as found in the warehouse (none when it is absent)
      raw_columns  its columns by lowercase name (adapter.get_columns_in_relation)
      problems     what stops the build: a required table that is absent, a required column
                   missing (one line each: the table, the column and what the contract expects)
      notices      what does not: an optional table or column that is absent (read as empty /
                   null), a missing load-order column, an empty table
    Used by the on-run-start hook cx_check_source_contract (every selected table at once, before
    anything runs) and by cx_read_raw (each validation model, which reads the table).
-#}
{% macro cx_check_raw_table(table_name, relation) %}
    {%- set contract = cx_source_contract()[table_name] -%}
    {%- set renames = (var('cx_column_names', {}) or {}).get(table_name, {}) or {} -%}
    {%- set loaded_at_column = var('cx_loaded_at_column', '_loaded_at') -%}
    {%- set result = {'existing': load_relation(relation), 'raw_columns': {}, 'problems': [], 'notices': []} -%}
    {%- set existing = result['existing'] -%}
    {%- if existing is none -%}
        {%- if contract['optional'] -%}
            {%- do result['notices'].append(
                'optional raw table ' ~ table_name ~ ' not found (' ~ relation ~ '): read as empty.') -%}
        {%- else -%}
            {%- do result['problems'].append(
                'raw table ' ~ table_name ~ ' not found at ' ~ relation ~ '. It is required: point the vars'
                ~ ' cx_source, cx_database or cx_' ~ table_name ~ '_identifier at it.') -%}
        {%- endif -%}
        {{ return(result) }}
    {%- endif -%}

    {%- for column in adapter.get_columns_in_relation(existing) -%}
        {%- do result['raw_columns'].update({column.name | lower: column}) -%}
    {%- endfor -%}
    {%- for column in contract['columns'] -%}
        {%- set raw_name = renames.get(column['name'], column['name']) -%}
        {%- if raw_name | lower not in result['raw_columns'] -%}
            {%- if column.get('required') -%}
                {%- do result['problems'].append(
                    'raw table ' ~ table_name ~ ' (' ~ existing ~ ') has no column ' ~ raw_name
                    ~ ', which the contract requires: ' ~ column['expects'] ~ '. Add it, or name the raw column'
                    ~ ' that holds it with var cx_column_names ({' ~ table_name ~ ': {' ~ column['name']
                    ~ ': your_column}}).') -%}
            {%- else -%}
                {%- do result['notices'].append(
                    'raw table ' ~ table_name ~ ' has no column ' ~ raw_name ~ ': read as null (optional).') -%}
            {%- endif -%}
        {%- endif -%}
    {%- endfor -%}
    {%- if loaded_at_column and loaded_at_column | lower not in result['raw_columns'] -%}
        {%- do result['notices'].append(
            'raw table ' ~ table_name ~ ' has no load-order column ' ~ loaded_at_column
            ~ ' (var cx_loaded_at_column): of rows with the same key, the one kept is chosen by content.') -%}
    {%- endif -%}
    {%- if run_query('select 1 as any_row from ' ~ existing ~ ' limit 1').rows | length == 0 -%}
        {%- do result['notices'].append(
            'raw table ' ~ table_name ~ ' (' ~ existing ~ ') is empty: nothing from it reaches the marts.') -%}
    {%- endif -%}
    {{ return(result) }}
{% endmacro %}
