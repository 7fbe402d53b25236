{#-
    cx_keys_to_revalidate(received, key_column, timestamp_columns, references=[]): on an
    incremental run of a validation model keyed by key_column (docs/incremental.md), the select
    of the keys whose raw rows it validates again; every raw row of such a key is read and ranked
    again, the key's stored rows are replaced (delete+insert). A key is listed when:

    - a raw row of it arrived or changed since the model's previous build: one of its
      timestamp_columns (a column or a list; read without the shape guard,
      cx_try_cast_unguarded: a text the rules reject may add its key, never leave one out) or
      its _loaded_at is later than var cx_incremental_lookback_hours before the latest of the
      stored rows (the first timestamp, required, among accepted rows; the load of any row);
    - the model does not hold the key yet (a new row without a readable time or load time);
    - references ([[column, accepted parents], ...]: a reference column of the raw table and the
      CTE of the parent's accepted rows, which has a column of the same name): a stored row was
      quarantined as orphan_reference (its parent may have arrived), or an accepted row's
      reference is no longer among the parent's accepted rows. So a verdict that depends on
      another table is the full build's as long as that table is.

    Rows that change in place without a later timestamp or _loaded_at are not seen (run
    --full-refresh). `received` is the CTE of the raw rows (cx_read_raw); the model's own
    table is read as {{ this }}. On a full build (not is_incremental()) the select lists no key.
-#}
{% macro cx_keys_to_revalidate(received, key_column, timestamp_columns, references=[]) -%}
    {%- set timestamp_columns = [timestamp_columns] if timestamp_columns is string else timestamp_columns -%}
    {%- if not is_incremental() -%}
    select {{ received }}.{{ key_column }}
    from {{ received }}
    where 1 = 0
    {%- else -%}
    select {{ received }}.{{ key_column }}
    from {{ received }}
    cross join {{ cx_previous_validation(cx_cast_validated(timestamp_columns[0], 'timestamp')) }} as watermarks
    {%- set parsed_columns = [] %}
    {%- for column in timestamp_columns %}
        {%- do parsed_columns.append(cx_try_cast_unguarded(received ~ '.' ~ column, 'timestamp')) %}
    {%- endfor %}
    where {{ cx_changed_since_build(parsed_columns, received ~ '._loaded_at') }}

    union

    select {{ received }}.{{ key_column }}
    from {{ received }}
    where not exists (
        select 1
        from {{ this }} as validated
        where validated.{{ key_column }} = {{ received }}.{{ key_column }}
    )
    {%- if references %}

    union

    select validated.{{ key_column }}
    from {{ this }} as validated
    where
        validated.reject_reason = 'orphan_reference'
        {%- for column, parents in references %}
        or (
            validated.reject_reason is null
            and validated.{{ column }} is not null
            and not exists (
                select 1
                from {{ parents }}
                where {{ parents }}.{{ column }} = validated.{{ column }}
            )
        )
        {%- endfor %}
    {%- endif %}
    {%- endif %}
{%- endmacro %}
