{#- A raw column as text: cast to string, trimmed, empty string as null. -#}
{% macro cx_text(column) -%}
    nullif(trim(cast({{ column }} as {{ dbt.type_string() }})), '')
{%- endmacro %}
