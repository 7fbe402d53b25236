{#-
    cx_log_quarantine(results): on-run-end hook. When mart_quarantine_summary was built in this
    run, print one line per raw table, column and broken rule with the number of quarantined
    rows (or of staged rows whose field was nulled), so the person running dbt sees what did
    not load without opening a table.
-#}
{% macro cx_log_quarantine(results) %}
    {%- if execute -%}
        {%- for result in results
            if result.node.name == 'mart_quarantine_summary' and result.status in ('success', 'pass') -%}
            {%- set relation = api.Relation.create(
                database=result.node.database, schema=result.node.schema, identifier=result.node.alias
            ) -%}
            {%- set rows = run_query(
                'select source_table, rejected_column, reject_reason, rejected_rows, finding_level from '
                ~ relation ~ ' order by finding_level desc, source_table, rejected_column, reject_reason'
            ).rows -%}
            {%- for row in rows -%}
                {%- if row[4] == 'field' -%}
                    {{ log(
                        'cx-metrics quarantine: ' ~ row[3] ~ ' row(s) of ' ~ row[0] ~ ' staged with '
                        ~ row[1] ~ ' nulled, rule ' ~ row[2] ~ ' (see field_values_rejected)', info=true
                    ) }}
                {%- else -%}
                    {{ log(
                        'cx-metrics quarantine: ' ~ row[3] ~ ' row(s) of ' ~ row[0] ~ ' broke rule '
                        ~ row[2] ~ ' on column ' ~ row[1] ~ ' (see ' ~ row[0] ~ '_rejected)', info=true
                    ) }}
                {%- endif -%}
            {%- endfor -%}
        {%- endfor -%}
    {%- endif -%}
{% endmacro %}
