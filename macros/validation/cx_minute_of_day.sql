{#-
    cx_minute_of_day(column): a local clock time 'HH:MM' or 'HH:MM:SS' as minutes after midnight
    (0 to 1440; '24:00' is the end of the day). Null when the text is not such a time.
    Seconds are ignored: schedules are kept to the minute.
-#}
{% macro cx_minute_of_day(column) -%}
    {%- set hours = cx_try_cast(dbt.split_part(column, "':'", 1), 'integer') -%}
    {%- set minutes = cx_try_cast(dbt.split_part(column, "':'", 2), 'integer') -%}
    case
        when {{ hours }} between 0 and 24
            and {{ minutes }} between 0 and 59
            and {{ hours }} * 60 + {{ minutes }} <= 1440
            then {{ hours }} * 60 + {{ minutes }}
    end
{%- endmacro %}
