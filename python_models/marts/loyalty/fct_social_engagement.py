"""One row per social conversation: the customer's sentiment before and after the brand's first
answer, and the engagement value (after - before). Logic: cx_metrics.sentiment.social_engagement."""

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
    from cx_metrics.sentiment import social_engagement

    feedback_sentiment = dbt.ref("fct_feedback_sentiment").df()
    conversations = dbt.ref("fct_social_conversations").df()
    return social_engagement(feedback_sentiment, conversations)
