"""Loyalty impact as one tidy table (row_type: retention_tier, churn_driver, control, model_fit,
revenue_at_risk, revenue_upside). Logic: cx_metrics.loyalty.loyalty_impact."""

import importlib.util
import os
import sys


def add_cx_metrics_to_path() -> None:
    """Import cx_metrics from the dbt project (or its dbt_packages/cx_metrics copy when this project
    is installed as a package) unless it is pip-installed."""
    if importlib.util.find_spec("cx_metrics") is not None:
        return
    args = sys.argv
    project_dir = os.environ.get("DBT_PROJECT_DIR", os.getcwd())
    for i, arg in enumerate(args):
        if arg == "--project-dir" and i + 1 < len(args):
            project_dir = args[i + 1]
        elif arg.startswith("--project-dir="):
            project_dir = arg.split("=", 1)[1]
    for root in (project_dir, os.path.join(project_dir, "dbt_packages", "cx_metrics"), os.getcwd()):
        if os.path.isfile(os.path.join(root, "cx_metrics", "__init__.py")):
            sys.path.insert(0, os.path.abspath(root))
            return


def model(dbt, session):
    dbt.config(materialized="table", tags=["python"])
    add_cx_metrics_to_path()
    from cx_metrics.loyalty import loyalty_impact, params_from_config

    customers = dbt.ref("fct_customer_experience").df()
    feedback_sentiment = dbt.ref("fct_feedback_sentiment").df()
    params = params_from_config(
        drivers=dbt.config.get("cx_loyalty_drivers"),
        controls=dbt.config.get("cx_loyalty_controls"),
        risk_threshold=dbt.config.get("cx_loyalty_risk_threshold"),
        target_sla_breach_rate=dbt.config.get("cx_loyalty_target_sla_breach_rate"),
        target_unanswered_social_rate=dbt.config.get("cx_loyalty_target_unanswered_social_rate"),
    )
    return loyalty_impact(customers, feedback_sentiment, params)
