{#-
    cx_previous_validation(data_at): a one-row subquery of how far the rows a validation model
    stored in its previous build reached (docs/incremental.md): previous_data_through_at, the
    latest data_at (an expression of a stored row's timestamp) among the accepted rows (a
    quarantined timestamp never moves it), and previous_loaded_through_at, the latest
    _loaded_at of any row. Joined in as `watermarks` for cx_changed_since_build on incremental
    runs; reads {{ this }}.
-#}
{% macro cx_previous_validation(data_at) -%}
    (
        select
            max(case when reject_reason is null then {{ data_at }} end) as previous_data_through_at,
            max(_loaded_at) as previous_loaded_through_at
        from {{ this }}
    )
{%- endmacro %}
