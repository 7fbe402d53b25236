{#-
    A value as text: cast to string, whitespace trimmed at both ends (spaces, tabs, line breaks,
    vertical tabs and form feeds: ASCII 9-13 and 32), the empty string as null. Every raw value
    the validation models read goes through it (cx_raw_as_text), so 'T033', ' T033' and
    'T033<tab>' are the same id in every table.
-#}
{% macro cx_text(column) -%}
    nullif(trim(both ' ' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) from cast({{ column }} as {{ dbt.type_string() }})), '')
{%- endmacro %}
