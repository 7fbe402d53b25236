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
                 real threads can go more than a hundred levels deep.
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
