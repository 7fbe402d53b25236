{#-
    cx_key_shared_flagged(relation, key_columns): the rows of `relation` with is_key_shared, true
    when another row of `relation` has the same key (or a part of the key is null). A hash
    aggregate of the key alone, joined back: cx_duplicates_ranked sorts only the flagged rows.
-#}
{% macro cx_key_shared_flagged(relation, key_columns) -%}
    select
        {{ relation }}.*,
        (
            keys_shared.key_1 is not null
            {%- for key in key_columns %}
            or {{ key }} is null
            {%- endfor %}
        ) as is_key_shared

    from {{ relation }}
    left join (
        select
            {%- for key in key_columns %}
            {{ key }} as key_{{ loop.index }}{{ ',' if not loop.last }}
            {%- endfor %}
        from {{ relation }}
        group by {% for key in key_columns %}{{ key }}{{ ', ' if not loop.last }}{% endfor %}
        having count(*) > 1
    ) as keys_shared
        on
            {%- for key in key_columns %}
            {{ 'and ' if not loop.first }}{{ key }} = keys_shared.key_{{ loop.index }}
            {%- endfor %}
{%- endmacro %}
