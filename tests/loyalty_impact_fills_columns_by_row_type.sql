{#-
    mart_loyalty_impact is one long table of six kinds of row (row_type); each kind fills only the
    columns listed for it in the doc block loyalty_impact_row_type (models/marts/loyalty/_loyalty__docs.md),
    the others stay null. Returns every row that fills a column its kind does not use. Tagged
    python: it reads a Python model, so it runs where that model does.
-#}
{{ config(tags=['python']) }}

with

mart_loyalty_impact as (

    select * from {{ ref('mart_loyalty_impact') }}

),

final as (

    select
        row_type,
        label

    from mart_loyalty_impact
    where
        (customers is not null and row_type = 'control')
        or (churned_customers is not null and row_type not in ('retention_tier', 'model_fit', 'churn_driver'))
        or (churn_rate is not null and row_type not in ('retention_tier', 'model_fit'))
        or (retention_rate is not null and row_type <> 'retention_tier')
        or (coefficient is not null and row_type not in ('churn_driver', 'control'))
        or (odds_ratio is not null and row_type not in ('churn_driver', 'control'))
        or (ci_low is not null and row_type not in ('churn_driver', 'control'))
        or (ci_high is not null and row_type not in ('churn_driver', 'control'))
        or (p_value is not null and row_type not in ('churn_driver', 'control'))
        or (annual_revenue is not null and row_type not in ('revenue_at_risk', 'revenue_upside'))
        or (revenue_at_risk is not null and row_type not in ('revenue_at_risk', 'revenue_upside'))
        or (upside is not null and row_type <> 'revenue_upside')
        or (current_rate is not null and row_type <> 'revenue_upside')
        or (target_rate is not null and row_type not in ('revenue_at_risk', 'revenue_upside'))
        or (note is not null and row_type = 'retention_tier')

)

select * from final
