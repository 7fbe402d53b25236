{#-
    cx_duplicates_ranked(relation, key_columns, row_rule_column, all_columns): the rows of
    `relation` with duplicate_rank, their position among the rows that share their key, latest
    by load order first (then by fingerprint, so the choice is deterministic): 1 = the row to
    keep, 2 and more = duplicates to reject. Rows that broke a row rule are ranked apart.
    Only rows whose key is shared are sorted and fingerprinted; every other row is rank 1
    (at ten million events, sorting all of them by a hash cost more than the rest of the
    validation). Adds rows_sharing_key and duplicate_rank to the columns of `relation`.
-#}
{% macro cx_duplicates_ranked(relation, key_columns, row_rule_column, all_columns) -%}
    {%- set partition = key_columns | join(', ') ~ ', (' ~ row_rule_column ~ ' is null)' -%}
    {#- The rows are materialized once: the engine may read rows_received twice (for the count
        and for the rows), and each read would run the whole validation above again. -#}
    with rows_received as {{ cx_cte_materialized() }} (

        select * from {{ relation }}

    ),

    rows_keyed as (

        select
            *,
            count(*) over (partition by {{ partition }}) as rows_sharing_key

        from rows_received

    )

    select
        *,
        1 as duplicate_rank

    from rows_keyed
    where rows_sharing_key = 1

    union all

    select
        *,
        row_number() over (
            partition by {{ partition }}
            order by _loaded_at desc nulls last, {{ cx_row_fingerprint(all_columns) }} desc
        ) as duplicate_rank

    from rows_keyed
    where rows_sharing_key > 1
{%- endmacro %}
