{#-
    cx_input_model(table_name): the input model that feeds the raw table table_name of the source
    contract instead of source('cx', table_name), or none. Var cx_input_format:
      contract          (default) every raw table is read from the cx source: none
      fivetran_zendesk  the tables the Fivetran Zendesk input models produce
                        (models/inputs/fivetran_zendesk/, docs/fivetran_zendesk.md) are read from
                        fivetran_zendesk__<table>; the others (sla_policies, social_posts,
                        customer_identities) still from the cx source
    Any other value stops the build with a message naming the accepted ones.
-#}
{% macro cx_input_model(table_name) %}
    {%- set input_format = var('cx_input_format', 'contract') -%}
    {%- if input_format == 'contract' -%}
        {{ return(none) }}
    {%- elif input_format == 'fivetran_zendesk' -%}
        {%- if table_name in cx_fivetran_zendesk_contract_tables() -%}
            {{ return('fivetran_zendesk__' ~ table_name) }}
        {%- endif -%}
        {{ return(none) }}
    {%- endif -%}
    {{ exceptions.raise_compiler_error(
        "var cx_input_format is '" ~ input_format ~ "': use 'contract' (the default) or 'fivetran_zendesk'.") }}
{% endmacro %}
