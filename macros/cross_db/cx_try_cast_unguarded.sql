{#-
    cx_try_cast_unguarded(expression, type_name)

    cx_try_cast without its shape guard, where the engine's own try_cast reads every text that
    cx_try_cast reads, to the same value (DuckDB, for timestamps and dates: cx_try_cast there is
    the guard, then the same try_cast), and may read more. Elsewhere it is cx_try_cast. For
    filters where reading more texts costs some work but never drops a row: the change filter of
    an incremental run (base_cx__ticket_events, and the _loaded_at of cx_read_raw's read of every
    row on an incremental run), where the guard's regular expression over every raw row would
    cost more than the rest of the filter.
-#}
{% macro cx_try_cast_unguarded(expression, type_name) -%}
    {{ return(adapter.dispatch('cx_try_cast_unguarded', 'cx_metrics')(expression, type_name)) }}
{%- endmacro %}

{% macro default__cx_try_cast_unguarded(expression, type_name) -%}
    {{ cx_try_cast(expression, type_name) }}
{%- endmacro %}

{% macro duckdb__cx_try_cast_unguarded(expression, type_name) -%}
    {%- if type_name in ['timestamp', 'date'] -%}
        try_cast({{ cx_space_trimmed(expression) }} as {{ cx_type(type_name) }})
    {%- else -%}
        {{ cx_try_cast(expression, type_name) }}
    {%- endif -%}
{%- endmacro %}
