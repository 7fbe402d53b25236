{#-
    This build's start (dbt's run_started_at, UTC) as a timestamp literal: the time a validation
    model stamps on the rows it validated (base_cx__tickets.validated_at) and the time
    int_incremental_watermarks records for the build.
-#}
{% macro cx_build_started_at() -%}
    cast('{{ run_started_at.strftime("%Y-%m-%d %H:%M:%S.%f") }}' as {{ dbt.type_timestamp() }})
{%- endmacro %}
