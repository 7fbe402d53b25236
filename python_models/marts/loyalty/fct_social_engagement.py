"""One row per social conversation: the customer's sentiment before and after the brand's first
answer, and the engagement value (after - before). Logic: cx_metrics.sentiment.social_engagement."""

from cx_metrics.sentiment import social_engagement


def model(dbt, session):
    dbt.config(materialized="table", tags=["python"])
    feedback_sentiment = dbt.ref("fct_feedback_sentiment").df()
    conversations = dbt.ref("fct_social_conversations").df()
    return social_engagement(feedback_sentiment, conversations)
