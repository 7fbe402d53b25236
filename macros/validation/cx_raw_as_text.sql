{#-
    cx_raw_as_text(column, data_type, contract_type): one raw value as the text the validation
    rules read, the same whatever type the raw column has, so a table loaded from CSV (all text)
    and a typed warehouse table give the same rows:
      text                       trimmed of whitespace (spaces, tabs, line breaks), '' = null
      timestamp with time zone   the instant as a UTC wall clock (whatever the session time zone)
      timestamp, date            their ISO text (a timestamp read into a date column: its date)
      floating point / decimal   into an id or integer column: a whole number without '.0'
                                 (9.0 -> '9'; 7.5 stays '7.5' and is unparseable as an integer)
      integer, boolean           their text (true/false)
    free_text (social post text) is only cast, not trimmed. data_type is the raw column's type as
    the adapter reports it (Column.dtype); contract_type is the type of cx_source_contract.
-#}
{% macro cx_raw_as_text(column, data_type, contract_type) %}
    {%- set string_type = dbt.type_string() -%}
    {%- set type_class = cx_raw_type_class(data_type) -%}
    {%- if type_class == 'instant' -%}
        {%- set text = cx_instant_as_utc_text(column) -%}
        {%- if contract_type == 'date' -%}
            {%- set text = 'substr(' ~ text ~ ', 1, 10)' -%}
        {%- endif -%}
    {%- elif type_class == 'timestamp' -%}
        {%- set value_type = 'date' if contract_type == 'date' else dbt.type_timestamp() -%}
        {%- set text = 'cast(cast(' ~ column ~ ' as ' ~ value_type ~ ') as ' ~ string_type ~ ')' -%}
    {%- elif type_class == 'number' and contract_type in ['id', 'integer'] -%}
        {%- set text -%}
            case
                when abs({{ column }}) < 1e15 and {{ column }} = floor({{ column }})
                    then cast(cast({{ column }} as {{ dbt.type_bigint() }}) as {{ string_type }})
                else cast({{ column }} as {{ string_type }})
            end
        {%- endset -%}
    {%- else -%}
        {%- set text = 'cast(' ~ column ~ ' as ' ~ string_type ~ ')' -%}
    {%- endif -%}
    {%- if contract_type == 'free_text' -%}
        {{ return(text) }}
    {%- else -%}
        {{ return(cx_text(text)) }}
    {%- endif -%}
{% endmacro %}
