{#-
    cx_validated_since_staged(): the where clause of an incremental staging model's import CTE
    of its validation model (docs/incremental.md): on incremental runs, only the rows validated
    after the latest validated_at the staging model holds (cx_validated_at); renders nothing on
    full builds.

    The model is delete+insert on its key and its pre-hook (cx_delete_revalidated_keys) first
    deletes every key validated since then, accepted or not, so a key whose rows are quarantined
    now leaves staging. That delete can lower the latest validated_at held; the filter then reads
    some rows already staged as well, which delete+insert replaces by themselves.
-#}
{% macro cx_validated_since_staged() -%}
    {%- if execute and this is not none and is_incremental() %}
    where validated_at > {{ cx_latest_staged_validation() }}
    {%- endif -%}
{%- endmacro %}
