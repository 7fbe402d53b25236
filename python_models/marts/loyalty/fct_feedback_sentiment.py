"""One row per customer feedback text (survey comment or customer social post): VADER sentiment
and keyword topics. Logic: cx_metrics.sentiment.score_feedback; a full build scores the texts in
batches (cx_metrics.sentiment.scored_batches). Incremental (docs/incremental.md):
only the rows new or changed since the previous build (ids and links may change; the text is not
compared) are rewritten (cx_metrics.incremental.changed_rows), and a feedback_id already in the
table keeps its scores: only texts not scored yet are scored (cx_metrics.incremental.reuse_scores)."""

from functools import partial

from cx_metrics.incremental import changed_rows, reuse_scores
from cx_metrics.sentiment import SCORED_COLUMNS, load_taxonomy, score_feedback, scored_batches

# rows scored per batch on a full build (texts of one batch are held at a time)
BATCH_ROWS = 100_000


def model(dbt, session):
    dbt.config(
        materialized="incremental",
        incremental_strategy="delete+insert",
        unique_key="feedback_id",
        tags=["python"],
    )
    max_chars = dbt.config.get("cx_sentiment_max_chars")
    feedback = dbt.ref("int_feedback_texts_unioned")
    try:
        taxonomy = dbt.ref("topic_taxonomy").df()
    except Exception:  # seed not loaded (e.g. --exclude resource_type:seed): the committed CSV
        taxonomy = None
    taxonomy = load_taxonomy(taxonomy)
    score = partial(score_feedback, taxonomy_rows=taxonomy, max_chars=int(max_chars))
    if not dbt.is_incremental:
        # every text, streamed in batches: dbt-duckdb writes the table through another cursor
        # while this one reads, so memory stays flat however many texts there are
        return scored_batches(feedback.to_arrow_reader(BATCH_ROWS), score)
    stored = session.sql(f"select * from {dbt.this}")
    # into pandas once: relations are lazy, and both the keys and the rows are needed
    feedback = changed_rows(feedback, stored).df()
    if feedback.empty:
        # nothing new: no row to rewrite (an empty frame would reach DuckDB with untyped columns)
        return stored.limit(0)
    changed_keys = session.from_df(feedback[["feedback_id"]]).set_alias("changed_keys")
    scored = stored.set_alias("stored").join(changed_keys, "feedback_id", how="semi")
    scored = scored.select("feedback_id", *SCORED_COLUMNS).df()
    return reuse_scores(feedback, scored, score)
