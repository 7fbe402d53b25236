"""Social responsiveness on real Twitter customer-support data matches an independent count.

The expected side re-derives everything from the raw CSV with pandas - it does not import the
project's loader or reuse its SQL: threads by following in_response_to_tweet_id up to a tweet
with no parent in the file, a conversation per docs/metrics.md (a customer tweet, inbound = True, that
replies to nothing), answered when a brand tweet (inbound = False) is anywhere in its thread,
first-response seconds from the customer tweet to the earliest brand tweet of the thread. The
brand a conversation is with is the brand account that answered first (earliest brand tweet
of the thread), else the first @mention of a known brand account. Brands compare lowercase.

The actual side loads the CSV with scripts/load_real_data.py and builds the social marts.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from conftest import REPO_ROOT, run_dbt

TWCS = REPO_ROOT.parent / "shared" / "data" / "twcs_sample.csv"


def expected_conversations(csv_path: Path) -> pd.DataFrame:
    """One row per conversation: brand, started_at, is_answered, response_seconds."""
    tweets = pd.read_csv(csv_path, dtype=str, keep_default_na=False, lineterminator="\n")
    tweets["is_brand"] = tweets["inbound"] == "False"
    tweets["created"] = pd.to_datetime(tweets["created_at"], format="%a %b %d %H:%M:%S %z %Y").dt.tz_convert(None)
    tweets["parent"] = [str(int(float(v))) if v else None for v in tweets["in_response_to_tweet_id"]]
    in_file = set(tweets["tweet_id"])
    parent_of = {t: p for t, p in zip(tweets["tweet_id"], tweets["parent"], strict=True) if p in in_file}

    def root(tweet_id: str) -> str:
        seen = {tweet_id}
        while tweet_id in parent_of:
            tweet_id = parent_of[tweet_id]
            assert tweet_id not in seen, "reply cycle"
            seen.add(tweet_id)
        return tweet_id

    tweets["root"] = tweets["tweet_id"].map(root)
    brand_accounts = set(tweets.loc[tweets["is_brand"], "author_id"])
    by_lower = {b.lower(): b for b in brand_accounts}

    first_brand = (
        tweets[tweets["is_brand"]]
        .assign(num=lambda d: d["tweet_id"].astype(int))
        .sort_values(["created", "num"])
        .drop_duplicates("root")
        .set_index("root")
    )
    roots = tweets[(tweets["parent"].isna()) & ~tweets["is_brand"]].set_index("tweet_id")

    def mention(text: str) -> str | None:
        for handle in re.findall(r"@(\w+)", text):
            if handle.lower() in by_lower:
                return by_lower[handle.lower()]
        return None

    answered_by = first_brand["author_id"].reindex(roots.index)
    out = pd.DataFrame(
        {
            "brand": answered_by.fillna(roots["text"].map(mention)).str.lower(),
            "started_at": roots["created"],
            "is_answered": answered_by.notna(),
            "response_seconds": (first_brand["created"].reindex(roots.index) - roots["created"]).dt.total_seconds(),
        }
    )
    return out


@pytest.fixture(scope="module")
def twcs_build(real_database) -> Path:
    # The real-data build of conftest: the Twitter sample is its only source of social posts.
    return real_database


@pytest.fixture(scope="module")
def expected() -> pd.DataFrame:
    if not TWCS.is_file():
        pytest.skip(f"real data {TWCS} is not there")
    return expected_conversations(TWCS)


def test_all_5000_tweets_are_threaded_and_none_is_lost(twcs_build):
    with duckdb.connect(str(twcs_build), read_only=True) as connection:
        threaded, cycles, rejected = connection.execute(
            "select (select count(*) from main.int_social_posts_threaded where not is_in_reply_cycle), "
            "(select count(*) from main_quarantine.social_thread_cycles_rejected), "
            "(select count(*) from main_quarantine.social_posts_rejected)"
        ).fetchone()
    assert (threaded, cycles, rejected) == (5000, 0, 0)


def test_conversations_answered_and_median_response_per_brand_match(twcs_build, expected):
    per_brand = expected.groupby("brand").agg(
        conversations=("is_answered", "size"),
        answered=("is_answered", "sum"),
        median_response_seconds=("response_seconds", "median"),
    )
    with duckdb.connect(str(twcs_build), read_only=True) as connection:
        counted = connection.execute(
            "select brand, sum(conversations), sum(answered_conversations) "
            "from main_marts.mart_social_responsiveness where platform = 'twitter' group by brand"
        ).df().set_index("brand")
        medians = connection.execute(
            "select brand, median(response_seconds) from main_marts.fct_social_conversations "
            "where not is_orphan_thread group by brand"
        ).df().set_index("brand")
    actual = pd.DataFrame(
        {
            "conversations": counted.iloc[:, 0].astype(int),
            "answered": counted.iloc[:, 1].astype(int),
            "median_response_seconds": medians.iloc[:, 0].astype(float),
        }
    )
    assert len(expected) == 1285
    pd.testing.assert_frame_equal(
        actual.sort_index(), per_brand.astype({"answered": int}).sort_index(), check_names=False, check_dtype=False
    )


def test_daily_median_and_p90_minutes_match(twcs_build, expected):
    answered = expected[expected["is_answered"]].assign(started_date=lambda d: d["started_at"].dt.date)
    per_day = answered.groupby(["started_date", "brand"])["response_seconds"].agg(
        median=lambda s: s.median() / 60, p90=lambda s: s.quantile(0.9) / 60
    )
    with duckdb.connect(str(twcs_build), read_only=True) as connection:
        mart = connection.execute(
            "select started_date, brand, median_response_minutes::double as median, "
            "p90_response_minutes::double as p90 from main_marts.mart_social_responsiveness"
        ).df()
    mart["started_date"] = pd.to_datetime(mart["started_date"]).dt.date
    mart = mart.set_index(["started_date", "brand"]).sort_index()
    pd.testing.assert_frame_equal(mart, per_day.sort_index().round(6), check_names=False, atol=1e-6)


def test_orphan_threads_are_kept_and_flagged(twcs_build):
    tweets = pd.read_csv(TWCS, dtype=str, keep_default_na=False, lineterminator="\n")
    parents = tweets["in_response_to_tweet_id"].str.replace(".0", "", regex=False)
    orphan_customer_tweets = int(
        ((parents != "") & ~parents.isin(set(tweets["tweet_id"])) & (tweets["inbound"] == "True")).sum()
    )
    with duckdb.connect(str(twcs_build), read_only=True) as connection:
        flagged = connection.execute(
            "select count(*) from main_marts.fct_social_conversations where is_orphan_thread"
        ).fetchone()[0]
    assert flagged == orphan_customer_tweets == 3


def test_iterative_walk_gives_the_same_threads_as_the_recursive_one(twcs_build, tmp_path):
    """The Spark fallback (pointer doubling) rebuilt on DuckDB agrees with the recursive CTE
    on every one of the 5,000 real tweets, threads up to 118 levels deep included."""
    columns = "post_id, root_post_id, thread_depth, thread_position, is_orphan_thread, is_in_reply_cycle"
    with duckdb.connect(str(twcs_build), read_only=True) as connection:
        recursive = connection.execute(f"select {columns} from main.int_social_posts_threaded order by post_id").df()
    copy = tmp_path / twcs_build.name  # same file name: DuckDB names the catalog after it
    shutil.copyfile(twcs_build, copy)
    run = run_dbt(
        ["run", "--select", "int_social_posts_threaded", "--vars",
         "{cx_source: raw, cx_social_thread_method: iterative}"],
        copy, tmp_path,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr
    with duckdb.connect(str(copy), read_only=True) as connection:
        iterative = connection.execute(f"select {columns} from main.int_social_posts_threaded order by post_id").df()
    assert recursive["thread_depth"].max() == 118
    pd.testing.assert_frame_equal(recursive, iterative)
