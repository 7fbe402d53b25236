{#-
    cx_duplicates_ranked(relation, key_columns, row_rule_column, all_columns): the rows of
    `relation` with duplicate_rank, their position among the rows that share their key, latest
    by load order first (then by fingerprint, so the choice is deterministic): 1 = the row to
    keep, 2 and more = duplicates to reject. Rows that broke a row rule are ranked apart, and
    rows with a null part of the key are ranked together (nulls alike).
    `relation` carries is_key_shared (cx_key_shared_flagged, applied below its rules): only the
    rows that share a key or lack part of it are sorted and fingerprinted, every other row is
    rank 1. The relation is read three times; declared `as {{ cx_cte_inlined() }}`, together
    with every CTE between it and the flag, the filters reach the rows before the rules run,
    and no row is stored on the way (at ten million events, storing and ranking every row cost
    more than the rest of the validation). Adds duplicate_rank to the columns of `relation`.
-#}
{% macro cx_duplicates_ranked(relation, key_columns, row_rule_column, all_columns) -%}
    {%- set partition = key_columns | join(', ') ~ ', (' ~ row_rule_column ~ ' is null)' -%}
    {%- set key_part_missing -%}
        ({% for key in key_columns %}{{ key }} is null{{ ' or ' if not loop.last }}{% endfor %})
    {%- endset -%}
    select
        *,
        1 as duplicate_rank
    from {{ relation }}
    where is_key_shared is null and not {{ key_part_missing }}
    union all
    select
        *,
        row_number() over (
            partition by {{ partition }}
            order by _loaded_at desc nulls last, {{ cx_row_fingerprint(all_columns) }} desc
        ) as duplicate_rank
    from (
        select * from {{ relation }}
        where is_key_shared
        union all
        select * from {{ relation }}
        where {{ key_part_missing }}
    ) as rows_sharing_a_key
{%- endmacro %}
