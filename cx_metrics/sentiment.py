"""Sentiment and topics of customer feedback texts (docs/metrics.md "Sentiment").

Scores survey comments and customer social posts with VADER (vaderSentiment), a lexicon model
whose lexicon ships inside the wheel: nothing is downloaded at run time. Topics come from a
keyword taxonomy (the seed ``topic_taxonomy``: one row per topic x keyword). The engagement value
of a social conversation is the customer's mean sentiment after the brand's first answer minus
before it.

Every function is pure (no database): the dbt Python models in ``python_models/`` read their refs,
call one function here and return the DataFrame (or, for a full build of the sentiment model, a
stream of Arrow record batches: scored_batches).
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

# VADER's own cut-offs for its compound score (Hutto & Gilbert 2014, README of vaderSentiment).
POSITIVE_THRESHOLD = 0.05
NEGATIVE_THRESHOLD = -0.05
# Texts longer than this are scored on their first MAX_CHARS characters (VADER is English
# sentence-level; a 1 MB paste would only cost time, not add signal).
DEFAULT_MAX_CHARS = 5000
# Below this share of Latin letters among a text's letters, VADER (an English lexicon) cannot
# read it: the text gets label 'unsupported_language' and no score instead of a misleading 0.
MIN_LATIN_LETTER_SHARE = 0.5

LABELS = ("positive", "neutral", "negative", "empty", "unsupported_language")


@dataclass(frozen=True)
class SentimentScore:
    compound: float | None
    label: str
    is_truncated: bool = False


@lru_cache(maxsize=1)
def analyzer() -> SentimentIntensityAnalyzer:
    """One VADER analyzer per process (loading the lexicon takes ~0.1 s)."""
    return SentimentIntensityAnalyzer()


def label_for(compound: float | None) -> str:
    """positive / negative / neutral by VADER's ±0.05 cut-offs; 'empty' for a missing score."""
    if compound is None or (isinstance(compound, float) and np.isnan(compound)):
        return "empty"
    if compound >= POSITIVE_THRESHOLD:
        return "positive"
    if compound <= NEGATIVE_THRESHOLD:
        return "negative"
    return "neutral"


def latin_letter_share(text: str) -> float:
    """Share of the letters in `text` that are Latin (ASCII or Latin-1/Extended); 1.0 without letters."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 1.0
    latin = sum(1 for ch in letters if ord(ch) < 0x250)
    return latin / len(letters)


def score_text(text: str | None, max_chars: int = DEFAULT_MAX_CHARS) -> SentimentScore:
    """VADER compound score (-1..1) and label of one text.

    None, empty or whitespace-only text -> (None, 'empty'); text mostly in a non-Latin script ->
    (None, 'unsupported_language'); text longer than `max_chars` is scored on its beginning.
    Emoji-only text is scored (VADER translates emoji to words).
    """
    if text is None or (isinstance(text, float) and np.isnan(text)):
        return SentimentScore(None, "empty")
    text = str(text)
    if not text.strip():
        return SentimentScore(None, "empty")
    is_truncated = len(text) > max_chars
    clipped = text[:max_chars]
    if latin_letter_share(clipped) < MIN_LATIN_LETTER_SHARE:
        return SentimentScore(None, "unsupported_language", is_truncated)
    compound = float(analyzer().polarity_scores(clipped)["compound"])
    return SentimentScore(compound, label_for(compound), is_truncated)


# ---------------------------------------------------------------- topics

# The taxonomy seed as committed; used when the seed table was not loaded (e.g. a build with
# --exclude resource_type:seed on your own raw data).
DEFAULT_TAXONOMY_CSV = Path(__file__).resolve().parents[1] / "seeds" / "reference" / "topic_taxonomy.csv"


def load_taxonomy(rows: pd.DataFrame | None, fallback: Path = DEFAULT_TAXONOMY_CSV) -> pd.DataFrame:
    """The taxonomy rows read from the seed table, or the committed CSV when the table could not
    be read (rows None: the seed was not loaded); warns when it falls back."""
    if rows is not None:
        return rows
    warnings.warn(f"topic_taxonomy table not loaded; using {fallback}", stacklevel=2)
    return pd.read_csv(fallback, dtype=str, keep_default_na=False)


def parse_taxonomy(rows: pd.DataFrame) -> dict[str, list[str]]:
    """{topic: [keywords]} from the taxonomy seed (columns topic, keyword); blanks are skipped,
    keywords are lowercased, topics keep the order of their first row."""
    missing = {"topic", "keyword"} - set(rows.columns)
    if missing:
        raise ValueError(f"topic taxonomy needs columns topic and keyword; missing: {sorted(missing)}")
    taxonomy: dict[str, list[str]] = {}
    for topic, keyword in zip(rows["topic"], rows["keyword"], strict=True):
        if pd.isna(topic) or pd.isna(keyword) or not str(topic).strip() or not str(keyword).strip():
            continue
        words = taxonomy.setdefault(str(topic).strip().lower(), [])
        word = str(keyword).strip().lower()
        if word not in words:
            words.append(word)
    return taxonomy


def compile_taxonomy(taxonomy: Mapping[str, Sequence[str]]) -> dict[str, re.Pattern[str]]:
    """One case-insensitive pattern per topic matching any of its keywords as whole words
    (a keyword may be a phrase: 'charged twice'; 'log in' also matches 'log-in')."""
    patterns = {}
    for topic, keywords in taxonomy.items():
        alternatives = [r"[\s-]+".join(re.escape(part) for part in kw.split()) for kw in keywords if kw.split()]
        if alternatives:
            patterns[topic] = re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)
    return patterns


def tag_topics(text: str | None, patterns: Mapping[str, re.Pattern[str]]) -> list[str]:
    """The topics whose keywords occur in `text`, in taxonomy order; [] for empty text."""
    if text is None or (isinstance(text, float) and np.isnan(text)) or not str(text).strip():
        return []
    return [topic for topic, pattern in patterns.items() if pattern.search(str(text))]


# ---------------------------------------------------------------- feedback texts


def is_present(text: object) -> bool:
    """True for a text value (also an empty one); False for None, NaN and pandas' NA."""
    return text is not None and not (pd.api.types.is_scalar(text) and pd.isna(text))


def distinct_texts(texts: Sequence[object]) -> list[object]:
    """The present values of `texts` (see is_present), each once, in order of first occurrence."""
    return list(dict.fromkeys(text for text in texts if is_present(text)))


#: The columns score_feedback adds, in order, with the Arrow types it fills them with.
SCORED_TYPES = {
    "compound_score": pa.float64(),
    "sentiment_label": pa.string(),
    "topics": pa.string(),
    "topic_count": pa.int64(),
    "text_length": pa.int64(),
    "is_truncated": pa.bool_(),
}
SCORED_COLUMNS = tuple(SCORED_TYPES)


def score_feedback(
    feedback: pd.DataFrame,
    taxonomy_rows: pd.DataFrame,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> pd.DataFrame:
    """Score every row of `feedback` (a `text` column plus any id columns, kept as they are).

    Adds compound_score (null when not scored), sentiment_label, topics (comma-separated topic
    names in taxonomy order, '' when none), topic_count, text_length (characters of the original
    text, 0 when null) and is_truncated. The text itself is not returned (it may hold PII).
    """
    if "text" not in feedback.columns:
        raise ValueError("feedback needs a 'text' column")
    patterns = compile_taxonomy(parse_taxonomy(taxonomy_rows))
    texts = feedback["text"].tolist()
    # Each distinct text is scored and tagged once (feedback repeats itself: "thanks!", templates).
    distinct = {text: (score_text(text, max_chars), tag_topics(text, patterns)) for text in distinct_texts(texts)}
    scores = [distinct[text][0] if is_present(text) else score_text(None) for text in texts]
    topics = [distinct[text][1] if is_present(text) else [] for text in texts]
    out = feedback.drop(columns=["text"]).copy()
    out["compound_score"] = pd.Series([s.compound for s in scores], index=out.index, dtype="Float64")
    out["sentiment_label"] = [s.label for s in scores]
    out["topics"] = [",".join(t) for t in topics]
    out["topic_count"] = pd.Series([len(t) for t in topics], index=out.index, dtype="int64")
    out["text_length"] = pd.Series(
        [0 if t is None or (isinstance(t, float) and np.isnan(t)) else len(str(t)) for t in texts],
        index=out.index, dtype="int64",
    )
    out["is_truncated"] = [s.is_truncated for s in scores]
    return out


def scored_schema(schema: pa.Schema) -> pa.Schema:
    """The schema of scored_batches' output: `schema`'s fields but `text`, then SCORED_COLUMNS."""
    kept = [field for field in schema if field.name != "text"]
    return pa.schema(kept + [pa.field(name, SCORED_TYPES[name]) for name in SCORED_COLUMNS])


def scored_batches(
    batches: pa.RecordBatchReader,
    score: Callable[[pd.DataFrame], pd.DataFrame],
) -> pa.RecordBatchReader:
    """`batches` (a `text` column plus id columns) scored one batch at a time, as a lazy reader:
    each batch's columns but `text` as they are (types kept), then SCORED_COLUMNS from `score`
    (score_feedback with the taxonomy bound) over its texts. Only one batch is in memory at a
    time, so scoring millions of texts does not hold them all (a text repeated across batches
    is scored once per batch)."""
    if "text" not in batches.schema.names:
        raise ValueError("feedback needs a 'text' column")
    schema = scored_schema(batches.schema)

    def generate() -> Iterator[pa.RecordBatch]:
        for batch in batches:
            scored = score(batch.select(["text"]).to_pandas())
            kept = [batch.column(name) for name in batch.schema.names if name != "text"]
            added = [pa.array(scored[name], type=SCORED_TYPES[name], from_pandas=True) for name in SCORED_COLUMNS]
            yield pa.RecordBatch.from_arrays(kept + added, schema=schema)

    return pa.RecordBatchReader.from_batches(schema, generate())


# ---------------------------------------------------------------- engagement value


ENGAGEMENT_COLUMNS = (
    "conversation_id", "customer_id", "platform", "brand", "is_answered", "first_brand_reply_at",
    "scored_posts_before_reply", "scored_posts_after_reply", "sentiment_before_reply",
    "sentiment_after_reply", "engagement_value",
)


def key_rows(keys: pd.Series, values: pd.Series) -> np.ndarray:
    """The row position in `keys` (one row per key) of each of `values`, -1 for a value that is
    not among the keys or null. A hash lookup in Arrow (`index_in`): at 600k keys and 934k values
    it takes a quarter of a second, where merging two frames on a text key took a second."""
    positions = pc.index_in(pa.array(values, type=pa.string()), value_set=pa.array(keys, type=pa.string()))
    return positions.fill_null(-1).to_numpy(zero_copy_only=False).astype("int64")


def mean_by_row(rows: np.ndarray, values: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """The count and the mean of the values placed on each row position 0..size-1 (values[i] on
    row rows[i]; key_rows finds the positions), the mean NaN on a row with none: added up with
    `bincount`, not grouped on a key."""
    count = np.bincount(rows, minlength=size)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.bincount(rows, weights=values, minlength=size) / count
    return count, mean


def engagement_by_conversation(posts: pd.DataFrame, conversations: pd.DataFrame) -> pd.DataFrame:
    """Engagement value per social conversation (one output row per row of `conversations`).

    posts: the customers' posts (conversation_id, created_at, compound_score; unscored posts have
    a null score and are ignored). conversations: conversation_id, customer_id, platform, brand,
    is_answered, first_brand_reply_at. sentiment_before_reply = mean score of the customer's
    posts created before the first brand reply (all of them while unanswered);
    sentiment_after_reply = mean score of those created after it; engagement_value = after -
    before, null unless both exist.
    """
    needed_posts = {"conversation_id", "created_at", "compound_score"}
    needed_conversations = {"conversation_id", "first_brand_reply_at"}
    for name, frame, needed in (("posts", posts, needed_posts), ("conversations", conversations, needed_conversations)):
        missing = needed - set(frame.columns)
        if missing:
            raise ValueError(f"{name} is missing columns {sorted(missing)}")
    out = conversations.reset_index(drop=True)
    for column in ("customer_id", "platform", "brand"):
        if column not in out.columns:
            out[column] = None
    if "is_answered" not in out.columns:
        out["is_answered"] = out["first_brand_reply_at"].notna()

    scored = posts.loc[posts["compound_score"].notna(), ["conversation_id", "created_at", "compound_score"]]
    # each scored post's row in `out` (key_rows; posts of no conversation drop out)
    rows = key_rows(out["conversation_id"], scored["conversation_id"])
    in_conversation = rows >= 0
    rows = rows[in_conversation]
    reply_at = pd.to_datetime(out["first_brand_reply_at"]).to_numpy()[rows]
    created_at = pd.to_datetime(scored["created_at"]).to_numpy()[in_conversation]
    is_after = ~np.isnat(reply_at) & (created_at > reply_at)
    is_before = np.isnat(reply_at) | (created_at < reply_at)
    scores = scored["compound_score"].astype("float64").to_numpy()[in_conversation]
    for phase, in_phase in (("before", is_before), ("after", is_after)):
        # per conversation row: the count and the sum of its scores in this phase (a post at the
        # reply instant itself is in neither)
        count, mean = mean_by_row(rows[in_phase], scores[in_phase], len(out))
        out[f"sentiment_{phase}_reply"] = pd.Series(mean).astype("Float64")
        out[f"scored_posts_{phase}_reply"] = count.astype("int64")
    out["engagement_value"] = out["sentiment_after_reply"] - out["sentiment_before_reply"]
    return out[list(ENGAGEMENT_COLUMNS)]
