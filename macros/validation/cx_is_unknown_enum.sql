{#- True when a present value is not one of the accepted (lowercase) values. -#}
{% macro cx_is_unknown_enum(column, accepted) -%}
    ({{ column }} is not null and lower({{ column }}) not in (
        {%- for value in accepted %}'{{ value }}'{% if not loop.last %}, {% endif %}{% endfor -%}
    ))
{%- endmacro %}
