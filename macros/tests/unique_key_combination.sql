{#-
    Generic test unique_key_combination: the combination of columns is unique (a composite
    primary key). Fails with one row per duplicated combination and how often it occurs.
    Argument: columns, the list of key columns.
-#}
{% test unique_key_combination(model, columns) %}

with

final as (

    select
        '{{ model.identifier }}' as model_name,
        '{{ columns | join(", ") }}' as column_name,
        'unique_key_combination' as rule,
        {{ columns | join(', ') }},
        count(*) as occurrences

    from {{ model }}
    group by {{ columns | join(', ') }}
    having count(*) > 1

)

select * from final

{% endtest %}
