{#-
    cx_raw_rows_to_validate(table_name, key_column, keys_from): the body of the CTE of raw rows
    a validation model checks (docs/incremental.md). On an incremental run: the raw rows whose
    key_column is among the keys of keys_from (the model's list of keys to validate again) or
    null, read with the key filter first (cx_read_raw with key_column and keys_from: the other
    columns are converted for those rows only). On a full build: every raw row, from the
    model's CTE `received`. Declare the CTE with cx_cte_stored_on_incremental_runs().
-#}
{% macro cx_raw_rows_to_validate(table_name, key_column, keys_from) -%}
    {%- if is_incremental() -%}
        {{ cx_read_raw(table_name, key_column, keys_from) }}
    {%- else -%}
        select * from received
    {%- endif -%}
{%- endmacro %}
