{#-
    cx_key_shared_flagged(relation, key_columns): the rows of `relation` with is_key_shared:
    true when another row of `relation` holds the same key, null otherwise; a row with a null
    part of the key is null here too (it never equals a key), and cx_duplicates_ranked finds it
    by its key. A hash aggregate of the keys alone, joined back: cx_duplicates_ranked sorts only
    the rows that share a key. True-or-null, not false, so that the filter `where
    is_key_shared` turns the left join into an inner join: with no shared key (the usual case)
    that read of the rows stops at once instead of reading every row a second time (a fifth
    of the validation of ten million events).
-#}
{% macro cx_key_shared_flagged(relation, key_columns) -%}
    select
        {{ relation }}.*,
        keys_shared.is_key_shared
    from {{ relation }}
    left join (
        select
            {%- for key in key_columns %}
            {{ key }} as key_{{ loop.index }},
            {%- endfor %}
            true as is_key_shared
        from {{ relation }}
        group by {% for key in key_columns %}{{ key }}{{ ', ' if not loop.last }}{% endfor %}
        having count(*) > 1
    ) as keys_shared
        on
            {%- for key in key_columns %}
            {{ 'and ' if not loop.first }}{{ key }} = keys_shared.key_{{ loop.index }}
            {%- endfor %}
{%- endmacro %}
