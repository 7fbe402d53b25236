{#-
    The where clause of an import CTE of an incremental model: on incremental runs, only the rows
    whose key is listed in keys_model (int_tickets_to_rebuild, ...); renders nothing on full
    builds. The ref is also taken when dbt parses the model (execute false), so dbt knows the
    dependency; unit tests (no `this` before the first build) run the full-build branch and
    need no input for keys_model.
-#}
{% macro cx_rebuild_filter(key_column, keys_model, keys_column=none) -%}
    {%- if not execute -%}
        {%- do ref(keys_model) -%}
    {%- elif this is not none and is_incremental() %}
    where {{ key_column }} in (select {{ keys_column or key_column }} from {{ ref(keys_model) }})
    {%- endif -%}
{%- endmacro %}
