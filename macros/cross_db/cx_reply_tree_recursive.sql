{#- cx_reply_tree's recursive walk: a recursive CTE from the roots down (see cx_reply_tree). -#}
{% macro cx_reply_tree_recursive(relation, id_column, parent_column, max_depth) -%}
    {#- Top-down from the roots: a node in a cycle has its parent in the cycle, so it is never
        joined and the recursion ends even on bad data; the depth bound is a second guard. -#}
    with recursive reply_tree as (

        select
            {{ id_column }} as node_id,
            {{ id_column }} as root_id,
            0 as depth

        from {{ relation }}
        where {{ parent_column }} is null

        union all

        select
            child.{{ id_column }} as node_id,
            reply_tree.root_id,
            reply_tree.depth + 1 as depth

        from reply_tree
        inner join {{ relation }} as child
            on reply_tree.node_id = child.{{ parent_column }}
        where reply_tree.depth < {{ max_depth }}

    )

    select
        node_id,
        root_id,
        depth

    from reply_tree
{%- endmacro %}
