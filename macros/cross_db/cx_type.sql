{#- The SQL type of a contract type name. -#}
{% macro cx_type(type_name) -%}
    {%- if type_name == 'timestamp' -%} {{ dbt.type_timestamp() }}
    {%- elif type_name == 'date' -%} date
    {%- elif type_name == 'integer' -%} {{ dbt.type_int() }}
    {%- elif type_name == 'numeric' -%} {{ dbt.type_numeric() }}
    {%- elif type_name == 'boolean' -%} {{ dbt.type_boolean() }}
    {%- elif type_name == 'string' -%} {{ dbt.type_string() }}
    {%- else -%} {{ exceptions.raise_compiler_error("cx_type: unknown type '" ~ type_name ~ "'") }}
    {%- endif -%}
{%- endmacro %}
