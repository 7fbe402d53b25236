{#-
    True for a row that arrived or changed since the previous build (docs/incremental.md): one of
    its data timestamps, or its load time, falls within var cx_incremental_lookback_hours before
    the previous build's latest (the previous_* columns of int_incremental_watermarks, which the
    calling model joins in as `watermarks`). True for every row when there was no previous build.
-#}
{% macro cx_changed_since_build(timestamp_columns, loaded_at_column='_loaded_at') -%}
    {%- set lookback_seconds = -3600 * var('cx_incremental_lookback_hours') | int -%}
    (
        watermarks.previous_data_through_at is null
        {%- for column in timestamp_columns %}
        or {{ column }} > {{ cx_add_seconds('watermarks.previous_data_through_at', lookback_seconds) }}
        {%- endfor %}
        {%- if loaded_at_column %}
        or {{ loaded_at_column }} > {{ cx_add_seconds('watermarks.previous_loaded_through_at', lookback_seconds) }}
        {%- endif %}
    )
{%- endmacro %}
