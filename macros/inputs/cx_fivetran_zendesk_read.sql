{#-
    cx_fivetran_zendesk_read(table_name, columns): a select of the Fivetran Zendesk table
    source('fivetran_zendesk', table_name) with the columns asked for, in order. columns maps
    each column name to its type (bigint, integer, text, timestamp, date, boolean, numeric),
    used for a column the table does not have, which reads as null: the connector syncs only the
    fields an account uses. A table the connector did not sync reads as empty (a notice), except
    the ones every Zendesk account has (ticket, ticket_comment, user), whose absence stops the
    build with a message naming the var that points at them. Columns are matched
    case-insensitively and kept with their warehouse types (the validation layer reads any type).
-#}
{% macro cx_fivetran_zendesk_read(table_name, columns) %}
    {%- set relation = source('fivetran_zendesk', table_name) -%}
    {%- set types = {
        'bigint': dbt.type_bigint(), 'integer': dbt.type_int(), 'text': dbt.type_string(),
        'timestamp': dbt.type_timestamp(), 'date': 'date', 'boolean': dbt.type_boolean(),
        'numeric': dbt.type_numeric(),
    } -%}
    {%- if not execute -%}
        {{ return('select * from ' ~ relation) }}
    {%- endif -%}

    {%- set existing = load_relation(relation) -%}
    {%- set present = {} -%}
    {%- if existing is none -%}
        {%- if table_name in ['ticket', 'ticket_comment', 'user'] -%}
            {%- set message = 'cx-metrics Fivetran Zendesk input (docs/fivetran_zendesk.md): table ' ~ table_name
                ~ ' not found at ' ~ relation ~ '. Every Zendesk account has it: point the vars'
                ~ ' cx_fivetran_zendesk_schema / cx_fivetran_zendesk_database at the schema of the connector.' -%}
            {%- if flags.WHICH in ['run', 'build', 'show', 'test', 'retry'] -%}
                {{ exceptions.raise_compiler_error(message) }}
            {%- endif -%}
            {{ log(message, info=true) }}
        {%- else -%}
            {{ log('cx-metrics notice: Fivetran Zendesk table ' ~ table_name ~ ' not found (' ~ relation
                ~ '): read as empty.', info=true) }}
        {%- endif -%}
    {%- else -%}
        {%- for column in adapter.get_columns_in_relation(existing) -%}
            {%- do present.update({column.name | lower: column.name}) -%}
        {%- endfor -%}
    {%- endif -%}

    select
    {%- for name, type in columns.items() %}
        {% if name | lower in present -%}
            {{ adapter.quote(present[name | lower]) }}
        {%- else -%}
            cast(null as {{ types[type] }})
        {%- endif %} as {{ name }}{{ ',' if not loop.last }}
    {%- endfor %}
    {% if existing is not none %}
    from {{ existing }}
    {% else %}
    from (select 1 as no_row) as missing_table
    where 1 = 0
    {% endif %}
{%- endmacro %}
