{#-
    cx_delete_revalidated_keys(key_column, validation_model): pre-hook of an incremental staging
    model: on incremental runs, deletes the rows of every key that validation_model validated
    after the latest validated_at this model holds (cx_validated_since_staged). Renders nothing on
    full builds.
-#}
{% macro cx_delete_revalidated_keys(key_column, validation_model) -%}
    {%- if is_incremental() -%}
        delete from {{ this }}
        where {{ key_column }} in (
            select {{ key_column }}
            from {{ ref(validation_model) }}
            where validated_at > {{ cx_latest_staged_validation() }}
        )
    {%- endif -%}
{%- endmacro %}
