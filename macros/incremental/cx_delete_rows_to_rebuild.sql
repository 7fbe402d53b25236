{#-
    Pre-hook of an incremental model rebuilt by a key list (incremental_strategy 'append'): on
    incremental runs, deletes the rows of every key that keys_model lists, before the model
    inserts the rows it builds for them. A listed key that yields no row any more (a ticket no
    longer staged) loses its old rows too, which a delete of the inserted keys alone would keep.
    Renders nothing on full builds.
-#}
{% macro cx_delete_rows_to_rebuild(key_column, keys_model) -%}
    {%- if is_incremental() -%}
        delete from {{ this }}
        where {{ key_column }} in (select {{ key_column }} from {{ ref(keys_model) }})
    {%- endif -%}
{%- endmacro %}
