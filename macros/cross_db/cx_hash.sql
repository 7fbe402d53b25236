{#-
    cx_hash(expression)

    A one-way, portable pseudonym for PII (e.g. a social handle) so marts can count and join
    people without carrying the raw value: md5 (hex text) of the var cx_pii_hash_salt
    followed by the value. Null stays null. dbt.hash is md5 on DuckDB, PostgreSQL and Spark,
    so the same handle gives the same hash on every engine. Set cx_pii_hash_salt (a secret)
    to stop dictionary look-ups of public handles; changing it changes every hash.
-#}
{% macro cx_hash(expression) -%}
    {{ return(adapter.dispatch('cx_hash', 'cx_metrics')(expression)) }}
{%- endmacro %}

{% macro default__cx_hash(expression) -%}
    {%- set salt = var('cx_pii_hash_salt', '') or '' -%}
    case
        when {{ expression }} is not null
            then {{ dbt.hash(dbt.concat(["'" ~ salt | replace("'", "''") ~ "'", expression])) }}
    end
{%- endmacro %}
