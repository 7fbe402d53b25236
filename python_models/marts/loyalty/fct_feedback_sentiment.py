"""One row per customer feedback text (survey comment or customer social post): VADER sentiment
and keyword topics. Logic: cx_metrics.sentiment.score_feedback. Incremental (docs/incremental.md):
every row is rewritten (ids and links may change), but a feedback_id already in the table keeps
its scores; only texts not scored yet are scored (cx_metrics.incremental.reuse_scores)."""

from functools import partial

from cx_metrics.incremental import reuse_scores
from cx_metrics.sentiment import SCORED_COLUMNS, load_taxonomy, score_feedback


def model(dbt, session):
    dbt.config(
        materialized="incremental",
        incremental_strategy="delete+insert",
        unique_key="feedback_id",
        tags=["python"],
    )
    max_chars = dbt.config.get("cx_sentiment_max_chars")
    feedback = dbt.ref("int_feedback_texts_unioned").df()
    try:
        taxonomy = dbt.ref("topic_taxonomy").df()
    except Exception:  # seed not loaded (e.g. --exclude resource_type:seed): the committed CSV
        taxonomy = None
    taxonomy = load_taxonomy(taxonomy)
    scored = None
    if dbt.is_incremental:
        scored = session.sql(f"select feedback_id, {', '.join(SCORED_COLUMNS)} from {dbt.this}").df()
    score = partial(score_feedback, taxonomy_rows=taxonomy, max_chars=int(max_chars))
    return reuse_scores(feedback, scored, score)
