"""One row per customer feedback text (survey comment or customer social post): VADER sentiment
and keyword topics. Logic: cx_metrics.sentiment.score_feedback."""

from cx_metrics.sentiment import load_taxonomy, score_feedback


def model(dbt, session):
    dbt.config(materialized="table", tags=["python"])
    max_chars = dbt.config.get("cx_sentiment_max_chars")
    feedback = dbt.ref("int_feedback_texts_unioned").df()
    try:
        taxonomy = dbt.ref("topic_taxonomy").df()
    except Exception:  # seed not loaded (e.g. --exclude resource_type:seed): the committed CSV
        taxonomy = None
    taxonomy = load_taxonomy(taxonomy)
    return score_feedback(feedback, taxonomy, max_chars=int(max_chars))
