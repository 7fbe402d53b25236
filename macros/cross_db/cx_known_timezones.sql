{#-
    cx_known_timezones(): a query with one row per time zone name the engine knows (column
    timezone_name), for the rule unknown_timezone of business_hours: a zone the engine cannot
    convert would otherwise stop the build with the engine's own error. Names match exactly
    (America/New_York, not america/new_york), the same on every engine.
-#}
{% macro cx_known_timezones() -%}
    {{ return(adapter.dispatch('cx_known_timezones', 'cx_metrics')()) }}
{%- endmacro %}

{#- DuckDB: the ICU zones (ICU is bundled with DuckDB's Python package). -#}
{% macro default__cx_known_timezones() -%}
    select distinct name as timezone_name from pg_timezone_names()
{%- endmacro %}

{% macro duckdb__cx_known_timezones() -%}
    {{ default__cx_known_timezones() }}
{%- endmacro %}

{% macro postgres__cx_known_timezones() -%}
    select distinct name as timezone_name from pg_timezone_names
{%- endmacro %}

{#- Spark has no catalog of zones: the IANA names of the tz database (pytz, in dbt's Jinja
    modules) as literal rows, less the few that the JVM's zone rules, which Spark uses, lack
    (checked on Spark 4.3 / OpenJDK 17: a zone pytz knows and Java does not would stop the build). -#}
{% macro spark__cx_known_timezones() -%}
    {%- set unknown_to_java = ['ROC', 'America/Coyhaique'] -%}
    select timezone_name from values
    {%- for name in modules.pytz.all_timezones if name not in unknown_to_java %}
        ('{{ name }}'){% if not loop.last %},{% endif %}
    {%- endfor %}
    as known_timezones (timezone_name)
{%- endmacro %}
