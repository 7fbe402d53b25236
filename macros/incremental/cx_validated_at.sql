{#-
    cx_validated_at(): when a validation model validated its rows: the start of the dbt
    invocation (run_started_at, UTC) as a timestamp, the same on every row one run writes. An
    incremental run rewrites only the keys it validates again (docs/incremental.md), so their
    rows carry a later validated_at than the others, which is how the staging models that are
    built from them incrementally find them (cx_validated_since_staged).
-#}
{% macro cx_validated_at() -%}
    cast('{{ run_started_at.strftime("%Y-%m-%d %H:%M:%S.%f") }}' as {{ dbt.type_timestamp() }})
{%- endmacro %}
