{#- The load-order column of a raw table (var cx_loaded_at_column), or null when there is none. -#}
{% macro cx_loaded_at() -%}
    {%- set column = var('cx_loaded_at_column', '_loaded_at') -%}
    {%- if column -%}
        {{ cx_try_cast(cx_text(column), 'timestamp') }}
    {%- else -%}
        cast(null as {{ dbt.type_timestamp() }})
    {%- endif -%}
{%- endmacro %}
