{#-
    Generic test no_future_timestamps: no timestamp of the listed columns lies after the
    build's "now": var cx_as_of when set, else int_as_of (the latest activity timestamp in the
    staged data). A timestamp after "now" means a clock or time-zone error in the source, or a
    cx_as_of set before the data ends (open durations would turn negative).
    Arguments:
      columns: the timestamp columns to check
      key_column: optional column that identifies the row in the failure output
    Severity: var cx_future_timestamps_severity (error by default).
    Fails with one row per row and column after "now", naming the model, column and rule.
-#}
{% test no_future_timestamps(model, columns, key_column=none) %}

{{ config(severity=var('cx_future_timestamps_severity', 'error')) }}

{%- set as_of = var('cx_as_of', none) %}

with

as_of as (

    {% if as_of %}
        select cast('{{ as_of }}' as {{ dbt.type_timestamp() }}) as as_of_at
    {% else %}
        select as_of_at from {{ ref('int_as_of') }}
    {% endif %}

),

timestamps_after_as_of as (

    {% for column in columns %}
        select
            '{{ model.identifier }}' as model_name,
            '{{ column }}' as column_name,
            'no_future_timestamps: {{ column }} <= as_of' as rule,
            cast({{ key_column if key_column else 'null' }} as {{ dbt.type_string() }}) as row_key,
            cast(model_rows.{{ column }} as {{ dbt.type_string() }}) as value,
            cast(as_of.as_of_at as {{ dbt.type_string() }}) as as_of_value

        from {{ model }} as model_rows
        cross join as_of
        where model_rows.{{ column }} > as_of.as_of_at
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

final as (

    select * from timestamps_after_as_of

)

select * from final

{% endtest %}
