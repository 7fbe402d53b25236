{#-
    cx_grant_bi_reader(): on-run-end hook giving a BI role read access to the marts and to
    nothing else (least privilege). On PostgreSQL it creates the role named by the var
    cx_bi_reader_role (default cx_bi_reader; null = do nothing) if it does not exist, and grants
    it USAGE on the marts schema and SELECT on every table and view there, including future
    ones. Raw tables, staging, intermediate models and quarantine (which hold raw values and
    PII) stay out of its reach. Other engines: nothing (grant through your catalog instead).
-#}
{% macro cx_grant_bi_reader() %}
    {{ return(adapter.dispatch('cx_grant_bi_reader', 'cx_metrics')()) }}
{% endmacro %}

{% macro default__cx_grant_bi_reader() %}
{% endmacro %}

{% macro postgres__cx_grant_bi_reader() %}
    {%- set role = var('cx_bi_reader_role', none) -%}
    {%- if execute and role -%}
        {%- set marts_schema = generate_schema_name('marts', none) -%}
        do $cx$
        begin
            if not exists (select from pg_catalog.pg_roles where rolname = '{{ role }}') then
                create role {{ adapter.quote(role) }} login;
            end if;
        end
        $cx$;
        create schema if not exists {{ adapter.quote(marts_schema) }};
        grant usage on schema {{ adapter.quote(marts_schema) }} to {{ adapter.quote(role) }};
        grant select on all tables in schema {{ adapter.quote(marts_schema) }} to {{ adapter.quote(role) }};
        alter default privileges in schema {{ adapter.quote(marts_schema) }}
            grant select on tables to {{ adapter.quote(role) }};
    {%- endif -%}
{% endmacro %}
