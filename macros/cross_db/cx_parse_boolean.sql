{#- Booleans are parsed the same way everywhere: true/t/yes/y/1 and false/f/no/n/0. -#}
{% macro cx_parse_boolean(expression) -%}
    (case
        when lower({{ expression }}) in ('true', 't', 'yes', 'y', '1') then true
        when lower({{ expression }}) in ('false', 'f', 'no', 'n', '0') then false
    end)
{%- endmacro %}
