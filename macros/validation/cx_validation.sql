{#-
    Helpers for the base_cx__<table> validation models. Each raw column is first read as
    trimmed text (empty = null) so the same rules work whether the user's raw table is typed
    or all text; each rule is a boolean expression that is true when the row breaks it.
-#}

{#- A raw column as text: cast to string, trimmed, empty string as null. -#}
{% macro cx_text(column) -%}
    nullif(trim(cast({{ column }} as {{ dbt.type_string() }})), '')
{%- endmacro %}

{#- The load-order column of a raw table (var cx_loaded_at_column), or null when there is none. -#}
{% macro cx_loaded_at() -%}
    {%- set column = var('cx_loaded_at_column', '_loaded_at') -%}
    {%- if column -%}
        {{ cx_try_cast(cx_text(column), 'timestamp') }}
    {%- else -%}
        cast(null as {{ dbt.type_timestamp() }})
    {%- endif -%}
{%- endmacro %}

{#- True when a present value cannot be parsed as type_name. -#}
{% macro cx_is_unparseable(column, type_name) -%}
    ({{ column }} is not null and {{ cx_try_cast(column, type_name) }} is null)
{%- endmacro %}

{#- True when a present value is not one of the accepted (lowercase) values. -#}
{% macro cx_is_unknown_enum(column, accepted) -%}
    ({{ column }} is not null and lower({{ column }}) not in (
        {%- for value in accepted %}'{{ value }}'{% if not loop.last %}, {% endif %}{% endfor -%}
    ))
{%- endmacro %}

{#- A fingerprint of a row's text columns: the last tie-break when choosing among duplicates. -#}
{% macro cx_row_fingerprint(columns) -%}
    {%- set parts = [] -%}
    {%- for column in columns -%}
        {%- do parts.append("coalesce(" ~ column ~ ", '')") -%}
        {%- if not loop.last %}{% do parts.append("'|'") %}{% endif -%}
    {%- endfor -%}
    {{ dbt.hash(dbt.concat(parts)) }}
{%- endmacro %}

{#-
    Position of a row among the rows that share its key and passed the row rules, latest by
    load order first (then by fingerprint, so the choice is deterministic): 1 = the row to keep,
    2 and more = duplicates to reject. Rows that broke a row rule are ranked apart.
-#}
{% macro cx_duplicate_rank(key_columns, row_rule_column, all_columns) -%}
    row_number() over (
        partition by {{ key_columns | join(', ') }}, ({{ row_rule_column }} is null)
        order by _loaded_at desc nulls last, {{ cx_row_fingerprint(all_columns) }} desc
    )
{%- endmacro %}

{#- Split the 'rule:column' code of a broken rule into reject_reason and rejected_column. -#}
{% macro cx_rejection_columns(rule_code) -%}
    {{ dbt.split_part(rule_code, "':'", 1) }} as reject_reason,
    {{ dbt.split_part(rule_code, "':'", 2) }} as rejected_column
{%- endmacro %}
