"""One row per social conversation: the customer's sentiment before and after the brand's first
answer, and the engagement value (after - before). Logic: cx_metrics.sentiment.social_engagement."""

from cx_metrics.sentiment import social_engagement


def model(dbt, session):
    dbt.config(materialized="table", tags=["python"])
    # only the rows and columns social_engagement reads: the frames stay small at scale
    feedback_sentiment = (
        dbt.ref("fct_feedback_sentiment")
        .filter("feedback_source = 'social_post'")
        .project("feedback_source, conversation_id, created_at, compound_score")
        .df()
    )
    conversations = dbt.ref("fct_social_conversations").project(
        "conversation_id, customer_id, platform, brand, is_answered, first_brand_reply_at"
    ).df()
    return social_engagement(feedback_sentiment, conversations)
