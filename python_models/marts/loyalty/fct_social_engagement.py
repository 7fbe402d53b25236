"""One row per social conversation: the customer's sentiment before and after the brand's first
answer, and the engagement value (after - before). Logic:
cx_metrics.sentiment.engagement_by_conversation."""

from cx_metrics.sentiment import engagement_by_conversation


def model(dbt, session):
    dbt.config(materialized="table", tags=["python"])
    # the customers' social posts, and only the columns read: the frames stay small at scale
    posts = (
        dbt.ref("fct_feedback_sentiment")
        .filter("feedback_source = 'social_post'")
        .project("conversation_id, created_at, compound_score")
        .df()
    )
    conversations = dbt.ref("fct_social_conversations").project(
        "conversation_id, customer_id, platform, brand, is_answered, first_brand_reply_at"
    ).df()
    return engagement_by_conversation(posts, conversations)
