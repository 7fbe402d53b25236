{#-
    Post-hook of an incremental model with an as_of_at column (fct_tickets): after an
    incremental run, the rows that were not rebuilt get this build's "now" (int_as_of), as a full
    build would give them. Renders nothing on full builds.
-#}
{% macro cx_refresh_as_of() -%}
    {%- if is_incremental() -%}
        update {{ this }} set as_of_at = (select as_of_at from {{ ref('int_as_of') }})
    {%- endif -%}
{%- endmacro %}
