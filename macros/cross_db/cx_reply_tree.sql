{#-
    cx_reply_tree(relation, id_column, parent_column, max_depth, method=none)

    Walks a reply forest. `relation` names a relation or CTE with one row per node: a unique
    `id_column` and `parent_column`, the node it replies to, null for a root. Every non-null
    parent must be a node of `relation` (null out missing parents first: such a node becomes
    a root). Returns a query with one row per node that is reachable from a root within
    `max_depth` levels:

        node_id   the node
        root_id   the root of its tree (a root is its own root)
        depth     levels below the root (0 = the root)

    Nodes in a reply cycle, nodes below one (their chain of parents never reaches a root) and
    nodes deeper than max_depth are left out: anti-join the result to find them.

    Two ways to walk, same result:
      recursive  a recursive CTE from the roots down: the default on every engine. Spark 4.x
                 runs `with recursive` but caps its depth by spark.sql.cteRecursionLevelLimit
                 (100 by default); the project's spark profile raises it (profiles.yml), since
                 real threads go deeper (118 levels in the Twitter sample).
      iterative  pointer doubling, no recursion: each step joins a node's ancestor table to
                 itself, so after k steps every node knows its ancestor 2^k levels up (a root
                 points at itself). ceil(log2(max_depth)) self-joins reach max_depth levels
                 (10 joins for 1,000 levels). For engines without recursive CTEs. Not on Spark:
                 Spark inlines the repeated CTE references and the plan grows as 2^k.
    `method` (or the var cx_social_thread_method) forces one of them on any engine; the
    unit tests of int_social_posts_threaded run both on DuckDB.
-#}
{% macro cx_reply_tree(relation, id_column, parent_column, max_depth, method=none) -%}
    {%- set method = method or var('cx_social_thread_method', none) -%}
    {%- if method == 'iterative' -%}
        {{ return(cx_reply_tree_iterative(relation, id_column, parent_column, max_depth)) }}
    {%- elif method == 'recursive' -%}
        {{ return(cx_reply_tree_recursive(relation, id_column, parent_column, max_depth)) }}
    {%- elif method -%}
        {{ exceptions.raise_compiler_error("cx_reply_tree: method must be recursive or iterative, not '" ~ method ~ "'") }}
    {%- else -%}
        {{ return(adapter.dispatch('cx_reply_tree', 'cx_metrics')(relation, id_column, parent_column, max_depth)) }}
    {%- endif -%}
{%- endmacro %}

{% macro default__cx_reply_tree(relation, id_column, parent_column, max_depth) -%}
    {{ cx_reply_tree_recursive(relation, id_column, parent_column, max_depth) }}
{%- endmacro %}

{% macro postgres__cx_reply_tree(relation, id_column, parent_column, max_depth) -%}
    {{ cx_reply_tree_recursive(relation, id_column, parent_column, max_depth) }}
{%- endmacro %}

{% macro spark__cx_reply_tree(relation, id_column, parent_column, max_depth) -%}
    {{ cx_reply_tree_recursive(relation, id_column, parent_column, max_depth) }}
{%- endmacro %}

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
