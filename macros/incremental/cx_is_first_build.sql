{#-
    cx_is_first_build(): true when int_incremental_watermarks holds no previous build (a first
    build, or --full-refresh), i.e. when cx_changed_since_build is true for every row; read
    when the calling model runs (int_incremental_watermarks is built before it). False while
    parsing, and when the table does not exist yet (dbt compile on an empty database).
-#}
{% macro cx_is_first_build() -%}
    {%- if not execute -%}
        {{ return(false) }}
    {%- endif -%}
    {%- set watermarks = ref('int_incremental_watermarks') -%}
    {%- set relation = adapter.get_relation(watermarks.database, watermarks.schema, watermarks.identifier) -%}
    {%- if relation is none -%}
        {{ return(false) }}
    {%- endif -%}
    {%- set result = run_query('select count(previous_data_through_at) as previous_builds from ' ~ relation) -%}
    {{ return(result.columns[0].values()[0] == 0) }}
{%- endmacro %}
