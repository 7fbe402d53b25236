{#-
    Helpers for the business clock (DESIGN §6). All portable: built on dbt's cross-database
    macros, no dispatch needed.
-#}

{#- Whole seconds from one timestamp to another (negative when `to` is earlier). -#}
{% macro cx_seconds_between(from_timestamp, to_timestamp) -%}
    {{ dbt.datediff(from_timestamp, to_timestamp, 'second') | trim }}
{%- endmacro %}

{#- Seconds as minutes, typed like every *_minutes column of the marts (decimal(28,6)). -#}
{% macro cx_seconds_to_minutes(seconds) -%}
    cast(({{ seconds }}) / 60.0 as {{ dbt.type_numeric() }})
{%- endmacro %}

{#- Calendar minutes between two timestamps. -#}
{% macro cx_minutes_between(from_timestamp, to_timestamp) -%}
    {{ cx_seconds_to_minutes(cx_seconds_between(from_timestamp, to_timestamp)) }}
{%- endmacro %}

{#- ISO day of week of a date (1 = Monday ... 7 = Sunday), counted from Monday 1900-01-01. -#}
{% macro cx_iso_day_of_week(date_expression) -%}
    ({{ dbt.datediff("cast('1900-01-01' as date)", date_expression, 'day') }} % 7 + 1)
{%- endmacro %}

{#- The minutes an SLA target is compared with: business or calendar, per the ticket's policy
    (column is_sla_in_business_hours). -#}
{% macro cx_sla_minutes(calendar_minutes, business_minutes) -%}
    case when is_sla_in_business_hours then {{ business_minutes }} else {{ calendar_minutes }} end
{%- endmacro %}
