{#- Split the 'rule:column' code of a broken rule into reject_reason and rejected_column. -#}
{% macro cx_rejection_columns(rule_code) -%}
    {{ dbt.split_part(rule_code, "':'", 1) }} as reject_reason,
    {{ dbt.split_part(rule_code, "':'", 2) }} as rejected_column
{%- endmacro %}
