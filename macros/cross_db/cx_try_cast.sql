{#-
    cx_try_cast(expression, type_name)

    Cast a text expression to one of the contract types, returning null instead of failing
    when the text cannot be parsed. type_name is one of: timestamp, date, integer, numeric,
    boolean. Engine differences live in the dispatched implementations below.
-#}
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

{% macro cx_try_cast(expression, type_name) -%}
    {%- if type_name == 'boolean' -%}
        {{ cx_parse_boolean(expression) }}
    {%- else -%}
        {{ return(adapter.dispatch('cx_try_cast', 'cx_metrics')(expression, type_name)) }}
    {%- endif -%}
{%- endmacro %}

{% macro default__cx_try_cast(expression, type_name) -%}
    try_cast({{ expression }} as {{ cx_type(type_name) }})
{%- endmacro %}

{% macro postgres__cx_try_cast(expression, type_name) -%}
    {#- PostgreSQL 15 has no try_cast: guard the cast with a pattern of what it accepts. -#}
    {%- set patterns = {
        'timestamp': '^\\d{4}-\\d{2}-\\d{2}([ T]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?)?$',
        'date': '^\\d{4}-\\d{2}-\\d{2}$',
        'integer': '^[+-]?\\d{1,9}$',
        'numeric': '^[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?$',
    } -%}
    case
        when {{ expression }} ~ '{{ patterns[type_name] }}'
            then cast({{ expression }} as {{ cx_type(type_name) }})
    end
{%- endmacro %}

{#- Booleans are parsed the same way everywhere: true/t/yes/y/1 and false/f/no/n/0. -#}
{% macro cx_parse_boolean(expression) -%}
    case
        when lower({{ expression }}) in ('true', 't', 'yes', 'y', '1') then true
        when lower({{ expression }}) in ('false', 'f', 'no', 'n', '0') then false
    end
{%- endmacro %}
