"""Loader of the Twitter customer-support CSV (Kaggle "Customer Support on Twitter",
``twcs.csv``) -> ``social_posts``, ``customer_identities``, ``customers``.

Twitter CSV parsing
-------------------
Quoted texts hold ``\\n`` and tweet 3399 holds bare ``\\r`` characters *outside*
quotes. Python's ``csv`` module (even with ``newline=''``) treats a bare ``\\r`` as
a record end and splits that tweet, so the file is read with pandas' C parser
with ``lineterminator='\\n'``: only ``\\n`` separates records, ``\\r`` is data.

Twitter brand attribution (``social_posts.brand``)
---------------------------------------------------
Brand accounts are the ``author_id`` values of posts with ``inbound = False``
("known brands"). For a brand post, ``brand = author_id``. For a customer post
the first of these rules that gives a value wins:

1. ``parent``  - the author of the post it replies to, if that post is in the file
   and is a brand post;
2. ``reply``   - the author of the first brand post (in ``response_tweet_id``
   list order) among the replies to it that are in the file;
3. ``thread``  - the brand of the earliest (``created_at``, then numeric
   ``tweet_id``) brand post in its thread. A thread is the tree obtained by
   following ``in_response_to_tweet_id`` upwards while the parent is in the file
   (so an orphan - a post whose parent lies outside the sample - roots its own
   thread). Applied to every customer post still unattributed, roots included;
4. ``mention`` - the first ``@mention`` in the text whose lower-cased handle equals
   a lower-cased known brand id; the brand's own spelling (e.g. ``AppleSupport``)
   is returned;
5. otherwise null.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

import numpy as np
import pandas as pd

from cx_metrics.loaders.contract import conform, customers_frame
from cx_metrics.loaders.values import (
    PathOrBuffer,
    default_loaded_at,
    float_id_to_str,
    loaded_at_column,
    parse_timestamps,
)

TWCS_COLUMNS: list[str] = [
    "tweet_id",
    "author_id",
    "inbound",
    "created_at",
    "text",
    "response_tweet_id",
    "in_response_to_tweet_id",
]

TWCS_TIMESTAMP_FORMAT = "%a %b %d %H:%M:%S %z %Y"

_MENTION_RE = re.compile(r"@(\w+)")


def parse_twitter_timestamp(values: pd.Series) -> pd.Series:
    """``'Tue Oct 31 22:10:47 +0000 2017'`` -> naive UTC ``datetime64[us]``; ``''``/``?`` -> NaT."""
    return parse_timestamps(values, TWCS_TIMESTAMP_FORMAT, utc=True)


def _first_brand_mention(text: pd.Series, brands_by_lower: Mapping[str, str]) -> pd.Series:
    mentions = text.fillna("").astype(str).str.findall(_MENTION_RE.pattern).explode()
    mentions = mentions.dropna().str.lower().map(brands_by_lower).dropna()
    first = mentions[~mentions.index.duplicated(keep="first")]
    return first.reindex(text.index)


def read_twcs(source: PathOrBuffer) -> pd.DataFrame:
    """Read a twcs CSV as strings (nulls for empty fields), one row per tweet.

    Only ``\\n`` ends a record (bare ``\\r`` stays in the text). The unnamed index
    column is dropped; the file order is kept.
    """
    frame = pd.read_csv(
        source,
        dtype=str,
        keep_default_na=False,
        na_values=[""],
        lineterminator="\n",
        encoding="utf-8",
    )
    missing = [column for column in TWCS_COLUMNS if column not in frame.columns]
    if missing:
        raise ValueError(f"twcs file lacks columns {missing}")
    return frame[TWCS_COLUMNS].reset_index(drop=True)


def attribute_brands(twcs: pd.DataFrame) -> pd.DataFrame:
    """Brand of every tweet per the rule in the module docstring.

    Returns a frame indexed like ``twcs`` with columns ``brand`` and ``brand_rule``
    (``author``, ``parent``, ``reply``, ``thread``, ``mention`` or null).
    """
    tweet_id = twcs["tweet_id"].astype(str)
    is_brand = twcs["inbound"].astype(str).str.strip().str.lower().eq("false").to_numpy()
    author = twcs["author_id"].astype(str)
    brand_of = pd.Series(author[is_brand].to_numpy(), index=tweet_id[is_brand].to_numpy())
    brand_of = brand_of[~brand_of.index.duplicated()]
    parent = float_id_to_str(twcs["in_response_to_tweet_id"])

    brand = pd.Series(np.where(is_brand, author, None), index=twcs.index, dtype="object")
    rule = pd.Series(np.where(is_brand, "author", None), index=twcs.index, dtype="object")

    def fill(candidate: pd.Series, name: str) -> None:
        take = brand.isna() & candidate.notna()
        brand.loc[take] = candidate[take]
        rule.loc[take] = name

    # 1. brand author of the parent post
    fill(parent.map(brand_of), "parent")

    # 2. first brand reply, in response_tweet_id list order
    replies = twcs["response_tweet_id"].fillna("").astype(str).str.split(",").explode().str.strip()
    reply_brands = replies.map(brand_of).dropna()
    fill(reply_brands[~reply_brands.index.duplicated(keep="first")].reindex(twcs.index), "reply")

    # 3. brand of the thread (root found by climbing in-file parents)
    in_file = set(tweet_id)
    parent_in_file = pd.Series(parent.where(parent.isin(in_file), None).to_numpy(), index=tweet_id.to_numpy())
    root = tweet_id.copy()
    for _ in range(len(twcs) + 1):
        up = root.map(parent_in_file)
        climbs = up.notna() & up.ne(root)
        if not climbs.any():
            break
        root = root.where(~climbs, up)
    else:  # pragma: no cover - would need a reply cycle
        raise ValueError("reply cycle in twcs data")
    created = parse_twitter_timestamp(twcs["created_at"])
    brand_posts = pd.DataFrame(
        {
            "root": root[is_brand].to_numpy(),
            "created": created[is_brand].to_numpy(),
            "number": pd.to_numeric(tweet_id[is_brand], errors="coerce").to_numpy(),
            "author": author[is_brand].to_numpy(),
        }
    ).sort_values(["root", "created", "number"], kind="stable")
    thread_brand = brand_posts.drop_duplicates("root").set_index("root")["author"]
    fill(root.map(thread_brand), "thread")

    # 4. first @mention that is a known brand (case-insensitive)
    brands_by_lower = {name.lower(): name for name in pd.unique(brand_of.to_numpy())}
    fill(_first_brand_mention(twcs["text"], brands_by_lower), "mention")

    return pd.DataFrame({"brand": brand, "brand_rule": rule})


def twcs_to_frames(
    twcs: pd.DataFrame, loaded_at: pd.Timestamp | dt.datetime | None = None
) -> dict[str, pd.DataFrame]:
    """Map a frame from :func:`read_twcs` to ``social_posts``, ``customer_identities``
    and ``customers`` (contract columns, in order)."""
    loaded_at = default_loaded_at() if loaded_at is None else loaded_at
    twcs = twcs.reset_index(drop=True)
    positions = np.arange(len(twcs), dtype="int64")
    is_brand = twcs["inbound"].astype(str).str.strip().str.lower().eq("false")
    brands = attribute_brands(twcs)

    social_posts = pd.DataFrame(
        {
            "post_id": twcs["tweet_id"].astype("object"),
            "platform": "twitter",
            "brand": brands["brand"],
            "author_handle": twcs["author_id"].astype("object"),
            "author_is_brand": is_brand.astype(bool),
            "created_at": parse_twitter_timestamp(twcs["created_at"]),
            "text": twcs["text"].astype("object").where(twcs["text"].notna(), None),
            "in_reply_to_post_id": float_id_to_str(twcs["in_response_to_tweet_id"]),
            "author_followers": pd.Series(pd.NA, index=twcs.index, dtype="Int32"),
            "_loaded_at": loaded_at_column(loaded_at, positions),
        }
    )

    authors = pd.DataFrame({"handle": twcs["author_id"].astype(str), "position": positions})[~is_brand.to_numpy()]
    authors = authors.drop_duplicates("handle", keep="first")  # first post of each customer
    customer_ids = "twitter:" + authors["handle"]
    customer_identities = pd.DataFrame(
        {
            "platform": "twitter",
            "handle": authors["handle"].to_numpy(),
            "customer_id": customer_ids.to_numpy(),
            "_loaded_at": loaded_at_column(loaded_at, authors["position"]).to_numpy(),
        }
    )
    customers = customers_frame(customer_ids, authors["position"], loaded_at)
    return {
        "social_posts": conform(social_posts, "social_posts"),
        "customer_identities": conform(customer_identities, "customer_identities"),
        "customers": customers,
    }


def parse_twcs(source: PathOrBuffer, loaded_at: pd.Timestamp | dt.datetime | None = None) -> dict[str, pd.DataFrame]:
    """Read and map a twcs CSV (see :func:`read_twcs`, :func:`twcs_to_frames`)."""
    return twcs_to_frames(read_twcs(source), loaded_at)
