"""Loyalty impact as one tidy table (row_type: retention_tier, churn_driver, control, model_fit,
revenue_at_risk, revenue_upside). Logic: cx_metrics.loyalty.loyalty_impact."""

from cx_metrics.loyalty import customer_columns, loyalty_impact, params_from_config


def model(dbt, session):
    dbt.config(materialized="table", tags=["python"])
    # only the columns sentiment_in_window reads: the frame stays small at scale
    feedback_sentiment = dbt.ref("fct_feedback_sentiment").project("customer_id, created_at, compound_score").df()
    params = params_from_config(
        drivers=dbt.config.get("cx_loyalty_drivers"),
        controls=dbt.config.get("cx_loyalty_controls"),
        risk_threshold=dbt.config.get("cx_loyalty_risk_threshold"),
        target_sla_breach_rate=dbt.config.get("cx_loyalty_target_sla_breach_rate"),
        target_unanswered_social_rate=dbt.config.get("cx_loyalty_target_unanswered_social_rate"),
    )
    # only the columns loyalty_impact reads with these params: the frame stays small at scale
    customers = dbt.ref("fct_customer_experience")
    read = [column for column in customer_columns(params) if column in customers.columns]
    customers = customers.project(", ".join(read)).df()
    return loyalty_impact(customers, feedback_sentiment, params)
