{#-
    Generic test parts_add_up: on every row, a total equals the sum of its parts, e.g.
    items_received = items_accounted_for + items_open_within_target + items_open_past_target
    (the states partition the items). A null total or part fails.
    Arguments:
      total_column: the total
      part_columns: the columns that must add up to it
    Fails with one row per row that does not add up, naming the model, column, rule and values.
-#}
{% test parts_add_up(model, total_column, part_columns) %}

with

final as (

    select
        '{{ model.identifier }}' as model_name,
        '{{ total_column }}' as column_name,
        'parts_add_up: {{ total_column }} = {{ part_columns | join(" + ") }}' as rule,
        model_rows.*

    from {{ model }} as model_rows
    where not coalesce({{ total_column }} = {{ part_columns | join(' + ') }}, false)

)

select * from final

{% endtest %}
