{#- cx_reply_tree's iterative walk: pointer doubling, no recursion (see cx_reply_tree). -#}
{% macro cx_reply_tree_iterative(relation, id_column, parent_column, max_depth) -%}
    {%- set ns = namespace(steps=1) -%}
    {%- for _ in range(64) -%}
        {%- if 2 ** ns.steps < max_depth | int -%}{%- set ns.steps = ns.steps + 1 -%}{%- endif -%}
    {%- endfor -%}
    with ancestors_0 as (

        select
            {{ id_column }} as node_id,
            coalesce({{ parent_column }}, {{ id_column }}) as ancestor_id,
            case when {{ parent_column }} is null then 0 else 1 end as distance

        from {{ relation }}

    ),
    {%- for step in range(1, ns.steps + 1) %}

    ancestors_{{ step }} as (

        select
            node.node_id,
            ancestor.ancestor_id,
            node.distance + ancestor.distance as distance

        from ancestors_{{ step - 1 }} as node
        inner join ancestors_{{ step - 1 }} as ancestor
            on node.ancestor_id = ancestor.node_id

    ),
    {%- endfor %}

    roots as (

        select {{ id_column }} as root_id
        from {{ relation }}
        where {{ parent_column }} is null

    )

    select
        ancestors_{{ ns.steps }}.node_id,
        roots.root_id,
        ancestors_{{ ns.steps }}.distance as depth

    from ancestors_{{ ns.steps }}
    inner join roots
        on ancestors_{{ ns.steps }}.ancestor_id = roots.root_id
    where ancestors_{{ ns.steps }}.distance <= {{ max_depth }}
{%- endmacro %}
