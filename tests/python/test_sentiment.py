"""Sentiment scoring, topic tagging and engagement value (cx_metrics.sentiment), on known phrases
and hand-computed examples, plus bad inputs (empty, non-English, very long text)."""

from __future__ import annotations

import time
from functools import partial

import duckdb
import pandas as pd
import pyarrow as pa
import pytest

from cx_metrics import sentiment as s

TAXONOMY = pd.DataFrame({
    "topic": ["billing", "billing", "refund", "login", "login", "delivery", None, "Billing"],
    "keyword": ["charged twice", "invoice", "refund", "log in", "password", "delivery", "orphan", "INVOICE"],
})


# ---------------------------------------------------------------- scoring


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Great support, the login issue was fixed in minutes. Thank you!", "positive"),
        ("Terrible support, nobody replied and I am very frustrated.", "negative"),
        ("The package arrived on Tuesday.", "neutral"),
    ],
)
def test_known_phrases_get_the_expected_label(text, label):
    score = s.score_text(text)
    assert score.label == label
    assert -1.0 <= score.compound <= 1.0


def test_labels_follow_vaders_cut_offs():
    assert s.label_for(0.05) == "positive"
    assert s.label_for(0.0499) == "neutral"
    assert s.label_for(-0.0499) == "neutral"
    assert s.label_for(-0.05) == "negative"
    assert s.label_for(None) == "empty"
    assert s.label_for(float("nan")) == "empty"


@pytest.mark.parametrize("text", [None, "", "   \n\t ", float("nan")])
def test_empty_text_is_labelled_empty_without_a_score(text):
    assert s.score_text(text) == s.SentimentScore(None, "empty", False)


def test_non_latin_script_is_not_scored_and_other_languages_do_not_fail():
    assert s.score_text("サービスは最悪でした").label == "unsupported_language"
    assert s.score_text("Обслуживание было ужасным").compound is None
    spanish = s.score_text("el servicio fue muy lento")
    assert spanish.label in s.LABELS and spanish.compound is not None


def test_very_long_text_is_scored_on_its_beginning_quickly():
    text = "The agent was wonderful and helpful. " + "filler " * 200_000
    started = time.perf_counter()
    score = s.score_text(text, max_chars=1000)
    assert time.perf_counter() - started < 5
    assert score.is_truncated and score.label == "positive"
    assert s.score_text(text[:1000], max_chars=1000).is_truncated is False


# ---------------------------------------------------------------- topics


def test_taxonomy_is_parsed_lowercase_deduplicated_and_skips_blanks():
    assert s.parse_taxonomy(TAXONOMY) == {
        "billing": ["charged twice", "invoice"],
        "refund": ["refund"],
        "login": ["log in", "password"],
        "delivery": ["delivery"],
    }
    with pytest.raises(ValueError, match="topic and keyword"):
        s.parse_taxonomy(pd.DataFrame({"topic": ["billing"]}))


def test_topics_match_whole_words_and_phrases_in_taxonomy_order():
    patterns = s.compile_taxonomy(s.parse_taxonomy(TAXONOMY))
    assert s.tag_topics("I can't LOG-IN and was Charged  twice, where is my refund?", patterns) == [
        "billing", "refund", "login"]
    assert s.tag_topics("Is this refundable? The passwords page is fine.", patterns) == []
    assert s.tag_topics("", patterns) == [] and s.tag_topics(None, patterns) == []


def test_committed_taxonomy_seed_tags_the_demo_topics():
    patterns = s.compile_taxonomy(s.parse_taxonomy(pd.read_csv(s.DEFAULT_TAXONOMY_CSV)))
    assert {"billing", "refund", "delivery", "login"} <= set(patterns)
    assert "refund" in s.tag_topics("still waiting for my refund from two weeks ago", patterns)
    assert "login" in s.tag_topics("lost my password and the reset link never arrives", patterns)


def test_score_feedback_keeps_ids_drops_text_and_handles_bad_rows():
    feedback = pd.DataFrame({
        "feedback_id": ["a", "b", "c"],
        "text": ["Quick answer, my refund arrived. Great!", None, "x" * 50],
    })
    out = s.score_feedback(feedback, TAXONOMY, max_chars=40)
    assert list(out.columns) == ["feedback_id", *s.SCORED_COLUMNS]
    assert out["sentiment_label"].tolist() == ["positive", "empty", "neutral"]
    assert out["topics"].tolist() == ["refund", "", ""]
    assert out["topic_count"].tolist() == [1, 0, 0]
    assert out["text_length"].tolist() == [39, 0, 50]
    assert out["is_truncated"].tolist() == [False, False, True]
    assert pd.isna(out.loc[1, "compound_score"])


def test_score_feedback_scores_each_distinct_text_once(monkeypatch):
    calls = []
    real_score_text = s.score_text
    monkeypatch.setattr(s, "score_text", lambda text, max_chars=s.DEFAULT_MAX_CHARS: (
        calls.append(text), real_score_text(text, max_chars))[1])
    feedback = pd.DataFrame({
        "feedback_id": ["a", "b", "c", "d", "e"],
        "text": ["Thanks, great help!", "Awful wait.", "Thanks, great help!", None, float("nan")],
    })
    out = s.score_feedback(feedback, TAXONOMY)
    # Two distinct texts scored, plus one stand-in call per missing text (labelled empty).
    assert sorted(text for text in calls if text is not None) == ["Awful wait.", "Thanks, great help!"]
    assert out["sentiment_label"].tolist() == ["positive", "negative", "positive", "empty", "empty"]
    assert out.loc[0, "compound_score"] == out.loc[2, "compound_score"]


def test_scored_batches_match_score_feedback_and_keep_the_id_types():
    # as in dbt-duckdb: the model reads on one connection, the table is written on another
    connection = duckdb.connect()
    connection.execute("""
        create table feedback as select * from (values
            ('a', 4, timestamp '2026-01-01 10:00', 'Quick answer, my refund arrived. Great!'),
            ('b', null, timestamp '2026-01-02 10:00', null),
            ('c', 2, null, 'Awful wait, still no refund.'),
            ('d', 5, timestamp '2026-01-03 10:00', '')
        ) as t(feedback_id, score, created_at, text)
    """)
    feedback = connection.cursor().sql("select * from feedback")
    score = partial(s.score_feedback, taxonomy_rows=TAXONOMY)
    connection.register("stream", s.scored_batches(feedback.to_arrow_reader(2), score))  # 2 batches of 2
    connection.execute("create table scored as select * from stream")
    streamed = connection.sql("select * from scored order by feedback_id")
    assert [str(t) for t in streamed.types] == [
        "VARCHAR", "INTEGER", "TIMESTAMP", "DOUBLE", "VARCHAR", "VARCHAR", "BIGINT", "BIGINT", "BOOLEAN"]
    streamed = streamed.df()
    whole = score(connection.sql("select * from feedback order by feedback_id").df())
    def rows(frame):  # missing values as None, whatever their dtype's marker
        scored = frame[list(s.SCORED_COLUMNS)].astype(object)
        return scored.where(scored.notna(), None).values.tolist()

    assert rows(streamed) == rows(whole)
    assert streamed["score"].isna().tolist() == [False, True, False, False]
    assert streamed["sentiment_label"].tolist() == ["positive", "empty", "negative", "empty"]


def test_scored_batches_need_a_text_column():
    reader = pa.RecordBatchReader.from_batches(pa.schema([("feedback_id", pa.string())]), iter([]))
    with pytest.raises(ValueError, match="text"):
        s.scored_batches(reader, lambda frame: frame)


def test_load_taxonomy_falls_back_to_the_committed_csv(recwarn):
    rows = s.load_taxonomy(None)
    assert {"topic", "keyword"} <= set(rows.columns) and len(rows) > 10
    assert any("topic_taxonomy" in str(w.message) for w in recwarn)
    assert s.load_taxonomy(TAXONOMY) is TAXONOMY


# ---------------------------------------------------------------- engagement value


def test_key_rows_finds_each_value_by_position_and_minus_one_otherwise():
    keys = pd.Series(["b", "a", "c"])
    values = pd.Series(["a", None, "z", "c", "a"])
    assert s.key_rows(keys, values).tolist() == [1, -1, -1, 2, 1]
    assert s.key_rows(keys, pd.Series([], dtype="str")).tolist() == []


def test_engagement_value_is_mean_after_minus_mean_before_the_first_answer():
    conversations = pd.DataFrame({
        "conversation_id": ["A", "B", "C", "D"],
        "customer_id": ["C1", None, "C3", "C4"],
        "platform": "twitter",
        "brand": "acme",
        "is_answered": [True, False, True, True],
        "first_brand_reply_at": pd.to_datetime(["2026-01-01 10:00", None, "2026-01-01 10:00", "2026-01-01 10:00"]),
    })
    posts = pd.DataFrame({
        "conversation_id": ["A", "A", "A", "B", "C", "D", "D", "X"],
        "created_at": pd.to_datetime(["2026-01-01 09:00", "2026-01-01 09:30", "2026-01-01 11:00", "2026-01-01 09:00",
                                      "2026-01-01 11:00", "2026-01-01 10:00", "2026-01-01 09:00", "2026-01-01 09:00"]),
        "compound_score": pd.array([-0.5, -0.3, 0.6, -0.2, None, 0.9, 0.1, 0.5], dtype="Float64"),
    })
    out = s.engagement_by_conversation(posts, conversations).set_index("conversation_id")
    # A: before = mean(-0.5, -0.3) = -0.4, after = 0.6 -> 1.0
    assert out.loc["A", "sentiment_before_reply"] == pytest.approx(-0.4)
    assert out.loc["A", "sentiment_after_reply"] == pytest.approx(0.6)
    assert out.loc["A", "engagement_value"] == pytest.approx(1.0)
    assert (out.loc["A", "scored_posts_before_reply"], out.loc["A", "scored_posts_after_reply"]) == (2, 1)
    # B: unanswered -> only "before"; C: its only post has no score; D: a post at the reply instant counts nowhere
    assert out.loc["B", "sentiment_before_reply"] == pytest.approx(-0.2) and pd.isna(out.loc["B", "engagement_value"])
    assert out.loc["C", "scored_posts_after_reply"] == 0 and pd.isna(out.loc["C", "engagement_value"])
    assert out.loc["D", "sentiment_before_reply"] == pytest.approx(0.1)
    assert pd.isna(out.loc["D", "sentiment_after_reply"])
    assert list(out.index) == ["A", "B", "C", "D"]  # one row per conversation, X (no conversation) left out


def test_engagement_without_posts_and_with_missing_columns():
    conversations = pd.DataFrame({"conversation_id": ["A"], "first_brand_reply_at": [pd.NaT]})
    empty = pd.DataFrame({"conversation_id": [], "created_at": [], "compound_score": []})
    out = s.engagement_by_conversation(empty, conversations)
    assert len(out) == 1 and pd.isna(out.loc[0, "engagement_value"]) and not out.loc[0, "is_answered"]
    with pytest.raises(ValueError, match="compound_score"):
        s.engagement_by_conversation(empty.drop(columns=["compound_score"]), conversations)
