{#- cx_fivetran_zendesk_id(column): a Zendesk id (an integer, whatever numeric type the warehouse
    holds it in) as the text id of the source contract: 360001234567 -> '360001234567'. -#}
{% macro cx_fivetran_zendesk_id(column) -%}
    cast(cast({{ column }} as {{ dbt.type_bigint() }}) as {{ dbt.type_string() }})
{%- endmacro %}
