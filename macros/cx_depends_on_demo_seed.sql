{#-
    cx_depends_on_demo_seed(table_name): when the raw tables are the project's demo seeds
    (var cx_source unset and cx_demo_seeds_enabled true), make the model depend on the seed
    of that name, so a plain `dbt build` loads the seed before reading it. Renders nothing. A
    table that an input model produces (var cx_input_format) depends on no seed.
-#}
{% macro cx_depends_on_demo_seed(table_name) -%}
    {%- if var('cx_source', none) is none and var('cx_demo_seeds_enabled', true) and not cx_input_model(table_name) -%}
        {%- do ref('cx_metrics', table_name) -%}
    {%- endif -%}
{%- endmacro %}
