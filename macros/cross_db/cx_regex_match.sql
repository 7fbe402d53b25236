{#- cx_regex_match(expression, pattern): true when the text matches the (anchored) pattern. -#}
{% macro cx_regex_match(expression, pattern) -%}
    {{ return(adapter.dispatch('cx_regex_match', 'cx_metrics')(expression, pattern)) }}
{%- endmacro %}

{% macro default__cx_regex_match(expression, pattern) -%}
    regexp_matches({{ expression }}, '{{ pattern }}')
{%- endmacro %}

{% macro postgres__cx_regex_match(expression, pattern) -%}
    ({{ expression }} ~ '{{ pattern }}')
{%- endmacro %}

{% macro spark__cx_regex_match(expression, pattern) -%}
    ({{ expression }} rlike '{{ pattern }}')
{%- endmacro %}
