{#-
    cx_read_raw(table_name): the first step of a validation model. Renders a select of the raw
    table source('cx', table_name) with one text column per contract column (cx_source_contract),
    named as in the contract, each value read by cx_raw_as_text from whatever type the raw column
    has (text, timestamp, timestamp with time zone, number, boolean), then _loaded_at (timestamp,
    var cx_loaded_at_column).

    When the model is compiled to run, the table is checked against the contract first
    (cx_check_raw_table; the on-run-start hook cx_check_source_contract has checked every
    selected table before anything ran): a required table that is absent or a required column
    missing stops the build with one message naming the table, the column and what the contract
    expects; an optional table that is absent reads as empty and an optional column as null, each
    with a one-line notice, as does an empty table. Raw column names match case-insensitively;
    var cx_column_names maps a contract column to a raw column of another name
    ({tickets: {created_at: opened_at}}). Commands that only compile (dbt compile, sqlfluff) do
    not stop: they log the problems and render null stand-ins.

    With var cx_input_format: fivetran_zendesk, a table that an input model produces
    (cx_input_model) is read from that model (ref, contract column names, no renames) instead of
    the source; everything after this step is the same.

    cx_read_raw(table_name, key_column, keys_from) reads only the rows whose key_column is null
    or among the key_column values of keys_from (a CTE or relation with a column of that name):
    the key is converted and compared first, so the other columns are converted for those rows
    only (an incremental run re-validates a small share of a large table). Such a read logs no
    notices: it follows the model's full read of the same table, which has logged them.

    On an incremental run, a read of every row (no keys_from) only finds the keys that changed
    (cx_keys_to_revalidate, the change filter of base_cx__ticket_events; the rows validated again
    are read by cx_raw_rows_to_validate, with keys_from): its _loaded_at is parsed by
    cx_try_cast_unguarded, which may read more texts but never drops a changed row, instead of
    the guarded cx_try_cast, whose regular expression over every raw row cost about a third of
    the change filter of ten million events.
-#}
{% macro cx_read_raw(table_name, key_column=none, keys_from=none) %}
    {%- set contract = cx_source_contract()[table_name] -%}
    {%- set input_model = cx_input_model(table_name) -%}
    {%- set relation = ref(input_model) if input_model else source('cx', table_name) -%}
    {%- set renames = {} if input_model else (var('cx_column_names', {}) or {}).get(table_name, {}) or {} -%}
    {%- set loaded_at_column = var('cx_loaded_at_column', '_loaded_at') -%}
    {%- set string_type = dbt.type_string() -%}

    {%- if not execute -%}
        {#- Parse: only the lineage (the source) is recorded; nothing is run. -#}
        {{ return('select * from ' ~ relation) }}
    {%- endif -%}

    {%- set check = cx_check_raw_table(table_name, relation) -%}
    {%- for notice in (check['notices'] if keys_from is none else []) -%}
        {{ log('cx-metrics notice: ' ~ notice, info=true) }}
    {%- endfor -%}
    {%- if check['problems'] -%}
        {%- set message = 'cx-metrics source contract (docs/source_contract.md):\n  - '
            ~ check['problems'] | join('\n  - ') -%}
        {%- if flags.WHICH in ['run', 'build', 'show', 'test', 'retry'] -%}
            {{ exceptions.raise_compiler_error(message) }}
        {%- else -%}
            {{ log(message, info=true) }}
        {%- endif -%}
    {%- endif -%}

    {%- set expressions = [] -%}
    {%- set key_expression = {} -%}
    {%- for column in contract['columns'] -%}
        {%- set raw_column = check['raw_columns'].get(renames.get(column['name'], column['name']) | lower) -%}
        {%- if raw_column is not none -%}
            {%- set expression = cx_raw_as_text(adapter.quote(raw_column.name), raw_column.dtype, column['type']) -%}
            {%- if column['name'] == key_column -%}
                {%- do key_expression.update({'sql': expression}) -%}
            {%- endif -%}
            {%- do expressions.append(expression ~ ' as ' ~ column['name']) -%}
        {%- else -%}
            {%- do expressions.append('cast(null as ' ~ string_type ~ ') as ' ~ column['name']) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- set loaded_at = check['raw_columns'].get((loaded_at_column or '') | lower) if loaded_at_column else none -%}
    {%- if loaded_at is not none -%}
        {%- set loaded_at_text = cx_raw_as_text(adapter.quote(loaded_at.name), loaded_at.dtype, 'timestamp') -%}
        {%- if is_incremental() and keys_from is none -%}
            {%- do expressions.append(cx_try_cast_unguarded(loaded_at_text, 'timestamp') ~ ' as _loaded_at') -%}
        {%- else -%}
            {%- do expressions.append(cx_try_cast(loaded_at_text, 'timestamp') ~ ' as _loaded_at') -%}
        {%- endif -%}
    {%- else -%}
        {%- do expressions.append('cast(null as ' ~ dbt.type_timestamp() ~ ') as _loaded_at') -%}
    {%- endif -%}

    select
        {{ expressions | join(',\n        ') }}
    {% if check['existing'] is not none %}
    from {{ check['existing'] }}
    {%- if keys_from is not none and key_expression %}
    where
        {{ key_expression['sql'] }} is null
        or {{ key_expression['sql'] }} in (select {{ key_column }} from {{ keys_from }})
    {%- endif %}
    {% else %}
    from (select 1 as no_row) as missing_table
    where 1 = 0
    {% endif %}
{%- endmacro %}
