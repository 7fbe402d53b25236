{#-
    cx_first_reply_percentiles(): the median and p90 of first_reply_minutes and
    first_reply_business_minutes (continuous, cx_percentile) as select-list items of an
    aggregation, named first_reply_{median,p90}_{minutes,business_minutes}: mart_response_time
    and the agent and group marts (cx_performance_measures) compute them the same way.
-#}
{% macro cx_first_reply_percentiles() -%}
        {{ cx_percentile('first_reply_minutes', 0.5, [0.5, 0.9]) }} as first_reply_median_minutes,
        {{ cx_percentile('first_reply_minutes', 0.9, [0.5, 0.9]) }} as first_reply_p90_minutes,
        {{ cx_percentile('first_reply_business_minutes', 0.5, [0.5, 0.9]) }} as first_reply_median_business_minutes,
        {{ cx_percentile('first_reply_business_minutes', 0.9, [0.5, 0.9]) }} as first_reply_p90_business_minutes
{%- endmacro %}
