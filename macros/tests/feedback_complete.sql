{#-
    Generic test feedback_complete: in every group (default: each feedback channel), the share
    of feedback items accounted for is at least a threshold. Apply it to a model with item
    counts, e.g. mart_feedback_completeness; the counts of all its rows are summed per group.
    Arguments:
      threshold: least share (0-1) accounted for; default var cx_feedback_complete_threshold (0.9)
      group_by: columns to group by; default [feedback_channel]
      received_column: items received (a column or a SQL expression); default items_received
      accounted_column: items accounted for (column or expression); default items_accounted_for
    Severity: var cx_feedback_complete_severity (warn by default; error makes it a gate). To
    judge a recent window only, add a `where:` config (e.g. "received_date >= date '2026-01-01'").
    Fails with one row per group below the threshold, naming the model, column and rule, the
    threshold and the shortfall; when it runs, it also logs one line per such group (which
    channel, its share, how far below the threshold and how many items short), since dbt's own
    message only counts the failing rows.
-#}
{% test feedback_complete(
    model,
    threshold=none,
    group_by=['feedback_channel'],
    received_column='items_received',
    accounted_column='items_accounted_for'
) %}

{{ config(severity=var('cx_feedback_complete_severity', 'warn')) }}

{%- set least_share = threshold if threshold is not none else var('cx_feedback_complete_threshold', 0.9) %}

{%- set failing_groups_sql -%}
with

groups_summed as (

    select
        {% for column in group_by %}{{ column }},{% endfor %}
        sum({{ received_column }}) as items_received,
        sum({{ accounted_column }}) as items_accounted_for

    from {{ model }}
    group by {{ group_by | join(', ') }}

),

final as (

    select
        '{{ model.identifier }}' as model_name,
        '{{ accounted_column }}' as column_name,
        'feedback_complete: share accounted for >= {{ least_share }}' as rule,
        {% for column in group_by %}{{ column }},{% endfor %}
        items_received,
        items_accounted_for,
        cast(items_accounted_for as {{ dbt.type_numeric() }}) / items_received as share_accounted_for,
        {{ least_share }} as threshold,
        {{ least_share }} - cast(items_accounted_for as {{ dbt.type_numeric() }}) / items_received
            as share_below_threshold,
        {{ least_share }} * items_received - items_accounted_for as items_short

    from groups_summed
    where
        items_received > 0
        and items_accounted_for < {{ least_share }} * items_received

)

select * from final
{%- endset %}

{%- if execute and flags.WHICH in ['build', 'test', 'retry'] and model is not string
    and load_relation(model) is not none %}
    {%- for row in run_query(failing_groups_sql).rows %}
        {%- set group = [] %}
        {%- for column in group_by %}{% do group.append(column ~ ' ' ~ row[column]) %}{% endfor %}
        {{ log(
            'cx-metrics feedback_complete on ' ~ model.identifier ~ ': ' ~ group | join(', ') ~ ' has '
            ~ '%.1f' | format(row['share_accounted_for'] * 100) ~ ' % of ' ~ row['items_received']
            ~ ' items accounted for, ' ~ '%.1f' | format(row['share_below_threshold'] * 100)
            ~ ' points below the threshold of ' ~ '%.1f' | format(least_share * 100) ~ ' % ('
            ~ (row['items_short'] | float | round(0, 'ceil') | int) ~ ' items short)', info=true
        ) }}
    {%- endfor %}
{%- endif %}

{{ failing_groups_sql }}

{% endtest %}
