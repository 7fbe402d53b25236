{#-
    cx_try_cast_unguarded (the change filter of an incremental run) reads every text that
    cx_try_cast reads, to the same value: a text the guarded cast reads and the unguarded one
    misses or reads differently would keep a changed row out of an incremental run. Returns the
    texts where they differ.
-#}
with

texts as (

    {%- for text in [
        '2026-03-29 01:30:00', ' 2026-03-29T01:30:15Z ', '2026-03-29 01:30:15.123456+00:00',
        '2026-03-29 01:30+00', '2026-03-29', '2026-02-30 10:00:00', '2026-03-29 10:00:00+05:00',
        '29/03/2026', none
    ] %}

        select cast({{ "'" ~ text ~ "'" if text is not none else 'null' }} as {{ dbt.type_string() }}) as text_value
        {%- if not loop.last %}

            union all
        {%- endif %}
    {%- endfor %}

),

read_both_ways as (

    select
        text_value,
        {{ cx_try_cast('text_value', 'timestamp') }} as guarded_at,
        {{ cx_try_cast_unguarded('text_value', 'timestamp') }} as unguarded_at

    from texts

),

final as (

    select
        text_value,
        guarded_at,
        unguarded_at

    from read_both_ways
    where
        guarded_at is not null
        and (unguarded_at is null or unguarded_at <> guarded_at)

)

select * from final
