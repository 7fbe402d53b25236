{#- The latest validated_at of the model's own table, or a time before any build when it holds
    none: an empty table, or a table staged before the column existed (its rows have none, and
    the column is added after the pre-hook runs, so it is not read then). -#}
{% macro cx_latest_staged_validation() -%}
    {%- set before_any_build = "cast('1900-01-01 00:00:00' as " ~ dbt.type_timestamp() ~ ")" -%}
    {%- set columns = adapter.get_columns_in_relation(this) | map(attribute='name') | map('lower') | list
        if execute else [] -%}
    {%- if 'validated_at' in columns -%}
    coalesce((select max(validated_at) from {{ this }}), {{ before_any_build }})
    {%- else -%}
    {{ before_any_build }}
    {%- endif -%}
{%- endmacro %}
