{#-
    cx_raw_type_class(data_type): the class of a raw column's type as the adapter reports it
    (DuckDB, PostgreSQL, Spark spellings), for cx_raw_as_text:
      instant    timestamp with time zone (timestamptz; Spark's timestamp, which is an instant)
      timestamp  timestamp without time zone (Spark timestamp_ntz), datetime
      date, number (floating point, decimal, numeric), integer, boolean
      text       anything else (varchar, text, string, ...)
-#}
{% macro cx_raw_type_class(data_type) %}
    {%- set type_name = (data_type or '') | lower | trim -%}
    {%- if 'with time zone' in type_name or type_name in ['timestamptz', 'timestamp_ltz']
        or (target.type == 'spark' and type_name == 'timestamp') -%}
        {{ return('instant') }}
    {%- elif type_name.startswith('timestamp') or type_name.startswith('datetime') -%}
        {{ return('timestamp') }}
    {%- elif type_name == 'date' -%}
        {{ return('date') }}
    {%- elif modules.re.match('^(double|float|real|decimal|numeric|number)', type_name) -%}
        {{ return('number') }}
    {%- elif modules.re.match('^u?(tiny|small|big|huge)?int(eger)?[0-9]*$', type_name) -%}
        {{ return('integer') }}
    {%- elif type_name in ['boolean', 'bool'] -%}
        {{ return('boolean') }}
    {%- else -%}
        {{ return('text') }}
    {%- endif -%}
{% endmacro %}
