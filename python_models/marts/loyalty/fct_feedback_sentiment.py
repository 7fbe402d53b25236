"""One row per customer feedback text (survey comment or customer social post): VADER sentiment
and keyword topics. Logic: cx_metrics.sentiment.score_feedback."""

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
    from cx_metrics.sentiment import load_taxonomy, score_feedback

    max_chars = dbt.config.get("cx_sentiment_max_chars")
    feedback = dbt.ref("int_feedback_texts_unioned").df()
    try:
        taxonomy = dbt.ref("topic_taxonomy").df()
    except Exception:  # seed not loaded (e.g. --exclude resource_type:seed): the committed CSV
        taxonomy = None
    taxonomy = load_taxonomy(taxonomy)
    return score_feedback(feedback, taxonomy, max_chars=int(max_chars))
