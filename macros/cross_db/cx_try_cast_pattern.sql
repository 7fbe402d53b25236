{#- Shape patterns shared by every engine (no backslashes: Spark unescapes them in literals). -#}
{% macro cx_try_cast_pattern(type_name) -%}
    {%- set date_part = '[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])' -%}
    {%- if type_name == 'integer' -%} ^[+-]?[0-9]{1,10}([.]0+)?$
    {%- elif type_name == 'numeric' -%} ^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]{1,3})?$
    {%- elif type_name == 'date' -%} ^{{ date_part }}$
    {%- elif type_name == 'timestamp' -%}
        ^{{ date_part }}([ T]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9]([.][0-9]{1,6})?)?(Z|[+-]00(:?00)?)?)?$
    {%- else -%} {{ exceptions.raise_compiler_error("cx_try_cast: unknown type '" ~ type_name ~ "'") }}
    {%- endif -%}
{%- endmacro %}
