{#-
    Generic test timestamps_in_order: the listed timestamp columns never go back in time, e.g.
    created_at <= first_reply_at <= last_solved_at. Every pair (earlier, later) of the list is
    compared where both are present, so a null in the middle does not hide a violation.
    Arguments:
      columns: the columns in their expected order (at least two)
      key_column: optional column that identifies the row in the failure output
    Fails with one row per row and broken pair, naming the model, column, rule and both values.
-#}
{% test timestamps_in_order(model, columns, key_column=none) %}

with

{%- set pairs = [] %}
{%- for i in range(columns | length) %}
    {%- for j in range(i + 1, columns | length) %}
        {%- do pairs.append((columns[i], columns[j])) %}
    {%- endfor %}
{%- endfor %}

pairs_out_of_order as (

    {% for earlier, later in pairs %}
        select
            '{{ model.identifier }}' as model_name,
            '{{ later }}' as column_name,
            'timestamps_in_order: {{ earlier }} <= {{ later }}' as rule,
            cast({{ key_column if key_column else 'null' }} as {{ dbt.type_string() }}) as row_key,
            cast({{ earlier }} as {{ dbt.type_string() }}) as earlier_value,
            cast({{ later }} as {{ dbt.type_string() }}) as later_value

        from {{ model }}
        where {{ earlier }} > {{ later }}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

final as (

    select * from pairs_out_of_order

)

select * from final

{% endtest %}
