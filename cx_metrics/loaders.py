"""Loaders that turn real public data sets into the cx-metrics ``raw`` contract.

Two formats are supported:

* **Twitter customer support** (Kaggle "Customer Support on Twitter", ``twcs.csv``)
  -> ``social_posts``, ``customer_identities``, ``customers``.
* **ServiceNow incident event log** (UCI data set 498, ``incident_event_log.csv``)
  -> ``tickets``, ``ticket_events``, ``customers``.

:func:`write_duckdb` then writes all ten contract tables (see :data:`CONTRACT`) into
schema ``raw`` of a DuckDB file; tables that no input provides are written empty.

Everything here is vectorised pandas; all functions except :func:`write_duckdb`
are pure (no I/O beyond reading the given file / buffer).

General rules
-------------
* Every raw row is kept; the loader never drops or repairs records. Values that
  break business rules (unknown statuses, timestamps out of order, orphan reply
  parents, ...) are passed through so the dbt project can quarantine them.
* Missing values become null (``''`` in the Twitter CSV, ``'?'`` in ServiceNow).
* Timestamps are UTC, naive. Twitter's ``+0000`` offsets are converted to UTC;
  ServiceNow's ``d/m/yyyy HH:MM`` (unpadded day/month) is taken as UTC.
* ``_loaded_at`` = one fixed load timestamp per run + the source row's 0-based
  position in its file, in microseconds, so it records file order. For rows that
  are derived from several source rows (a customer, a ticket) the position of the
  source row the values were taken from is used (first appearance of a customer,
  last log row of a ticket).

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

ServiceNow mapping
------------------
* ``tickets``: one row per incident ``number``; attributes come from the incident's
  LAST log row, ordered by ``sys_mod_count`` (numeric) and then file position.
  ``customer_id = caller_id``; ``created_at = opened_at``; ``subject = category``;
  ``assignee_id = assigned_to``; ``group_name = assignment_group``;
  ``via_social_post_id`` null.
* ``channel`` from ``contact_type``: Phone -> phone, IVR -> phone, Email -> email,
  Self service -> web, Direct opening -> web; any other value lower-cased verbatim.
* ``priority``: ``1 - Critical`` -> urgent, ``2 - High`` -> high,
  ``3 - Moderate`` -> normal, ``4 - Low`` -> low; others lower-cased verbatim.
* ``ticket_events``: one row per log row (all of them). ``event_id = number || '-' ||
  n`` where ``n`` is the 1-based position of the row among the incident's rows in
  file order; ``event_at = sys_updated_at``; ``actor_type = 'agent'``;
  ``event_type = 'status_change'``; ``is_public = false``; ``status`` from
  ``incident_state``: New -> new, Active -> open, Awaiting User Info -> pending,
  Awaiting Vendor / Awaiting Problem / Awaiting Evidence -> hold,
  Resolved -> solved, Closed -> closed, anything else (e.g. ``-100``) lower-cased
  verbatim (quarantined downstream).
* ``customers``: one row per distinct non-null ``caller_id``.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Mapping
from typing import IO, Union

import numpy as np
import pandas as pd

PathOrBuffer = Union[str, "os.PathLike[str]", IO[bytes], IO[str]]

# ---------------------------------------------------------------------------
# Contract
# ---------------------------------------------------------------------------

#: The ``raw`` contract: table -> ordered (column, DuckDB type) pairs.
CONTRACT: dict[str, list[tuple[str, str]]] = {
    "customers": [
        ("customer_id", "VARCHAR"),
        ("segment", "VARCHAR"),
        ("region", "VARCHAR"),
        ("signup_at", "TIMESTAMP"),
        ("churned_at", "TIMESTAMP"),
        ("annual_revenue", "DOUBLE"),
        ("email", "VARCHAR"),
        ("is_incentivized", "BOOLEAN"),
        ("_loaded_at", "TIMESTAMP"),
    ],
    "customer_identities": [
        ("platform", "VARCHAR"),
        ("handle", "VARCHAR"),
        ("customer_id", "VARCHAR"),
        ("_loaded_at", "TIMESTAMP"),
    ],
    "tickets": [
        ("ticket_id", "VARCHAR"),
        ("customer_id", "VARCHAR"),
        ("channel", "VARCHAR"),
        ("priority", "VARCHAR"),
        ("created_at", "TIMESTAMP"),
        ("subject", "VARCHAR"),
        ("assignee_id", "VARCHAR"),
        ("group_name", "VARCHAR"),
        ("via_social_post_id", "VARCHAR"),
        ("_loaded_at", "TIMESTAMP"),
    ],
    "ticket_events": [
        ("event_id", "VARCHAR"),
        ("ticket_id", "VARCHAR"),
        ("event_at", "TIMESTAMP"),
        ("actor_type", "VARCHAR"),
        ("event_type", "VARCHAR"),
        ("is_public", "BOOLEAN"),
        ("status", "VARCHAR"),
        ("_loaded_at", "TIMESTAMP"),
    ],
    "survey_invitations": [
        ("invitation_id", "VARCHAR"),
        ("customer_id", "VARCHAR"),
        ("ticket_id", "VARCHAR"),
        ("survey_type", "VARCHAR"),
        ("channel", "VARCHAR"),
        ("sent_at", "TIMESTAMP"),
        ("_loaded_at", "TIMESTAMP"),
    ],
    "survey_responses": [
        ("response_id", "VARCHAR"),
        ("invitation_id", "VARCHAR"),
        ("customer_id", "VARCHAR"),
        ("ticket_id", "VARCHAR"),
        ("survey_type", "VARCHAR"),
        ("score", "INTEGER"),
        ("comment", "VARCHAR"),
        ("responded_at", "TIMESTAMP"),
        ("followed_up_at", "TIMESTAMP"),
        ("_loaded_at", "TIMESTAMP"),
    ],
    "social_posts": [
        ("post_id", "VARCHAR"),
        ("platform", "VARCHAR"),
        ("brand", "VARCHAR"),
        ("author_handle", "VARCHAR"),
        ("author_is_brand", "BOOLEAN"),
        ("created_at", "TIMESTAMP"),
        ("text", "VARCHAR"),
        ("in_reply_to_post_id", "VARCHAR"),
        ("author_followers", "INTEGER"),
        ("_loaded_at", "TIMESTAMP"),
    ],
    "sla_policies": [
        ("priority", "VARCHAR"),
        ("channel", "VARCHAR"),
        ("first_reply_target_minutes", "INTEGER"),
        ("next_reply_target_minutes", "INTEGER"),
        ("resolution_target_minutes", "INTEGER"),
        ("in_business_hours", "BOOLEAN"),
        ("_loaded_at", "TIMESTAMP"),
    ],
    "business_hours": [
        ("day_of_week", "INTEGER"),
        ("start_time", "VARCHAR"),
        ("end_time", "VARCHAR"),
        ("timezone", "VARCHAR"),
        ("_loaded_at", "TIMESTAMP"),
    ],
    "holidays": [
        ("holiday_date", "DATE"),
        ("holiday_name", "VARCHAR"),
        ("_loaded_at", "TIMESTAMP"),
    ],
}

TWCS_COLUMNS: list[str] = [
    "tweet_id",
    "author_id",
    "inbound",
    "created_at",
    "text",
    "response_tweet_id",
    "in_response_to_tweet_id",
]

SERVICENOW_STATUS_MAP: dict[str, str] = {
    "New": "new",
    "Active": "open",
    "Awaiting User Info": "pending",
    "Awaiting Vendor": "hold",
    "Awaiting Problem": "hold",
    "Awaiting Evidence": "hold",
    "Resolved": "solved",
    "Closed": "closed",
}

SERVICENOW_CHANNEL_MAP: dict[str, str] = {
    "Phone": "phone",
    "IVR": "phone",
    "Email": "email",
    "Self service": "web",
    "Direct opening": "web",
}

SERVICENOW_PRIORITY_MAP: dict[str, str] = {
    "1 - Critical": "urgent",
    "2 - High": "high",
    "3 - Moderate": "normal",
    "4 - Low": "low",
}

TWCS_TIMESTAMP_FORMAT = "%a %b %d %H:%M:%S %z %Y"
SERVICENOW_TIMESTAMP_FORMAT = "%d/%m/%Y %H:%M"

_MENTION_RE = re.compile(r"@(\w+)")


# ---------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------


def default_loaded_at() -> pd.Timestamp:
    """The current UTC time as a naive timestamp, truncated to the second."""
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)
    return pd.Timestamp(now)


def loaded_at_column(loaded_at: pd.Timestamp | dt.datetime, positions: pd.Series | np.ndarray) -> pd.Series:
    """``loaded_at`` plus each 0-based file position, in microseconds."""
    base = pd.Timestamp(loaded_at)
    if base.tzinfo is not None:
        base = base.tz_convert("UTC").tz_localize(None)
    pos = np.asarray(positions, dtype="int64")
    return pd.Series(base + pd.to_timedelta(pos, unit="us")).astype("datetime64[us]")


def null_if_missing(values: pd.Series, missing: tuple[str, ...] = ("?", "")) -> pd.Series:
    """Object/str series with ``missing`` markers (and NaN) replaced by null (``None``)."""
    s = pd.Series(values, dtype="object")
    mask = s.isna() | s.isin(list(missing))
    return s.where(~mask, None)


def _parse_timestamps(values: pd.Series, fmt: str, utc: bool) -> pd.Series:
    s = null_if_missing(values)
    present = s.notna()
    out = pd.Series(pd.NaT, index=s.index, dtype="datetime64[us]")
    if present.any():
        # Strict: an unparseable value raises instead of silently becoming null.
        parsed = pd.to_datetime(s[present].astype(str), format=fmt, utc=utc)
        if utc:
            parsed = parsed.dt.tz_convert("UTC").dt.tz_localize(None)
        out.loc[present] = parsed.astype("datetime64[us]")
    return out


def parse_twitter_timestamp(values: pd.Series) -> pd.Series:
    """``'Tue Oct 31 22:10:47 +0000 2017'`` -> naive UTC ``datetime64[us]``; ``''``/``?`` -> NaT."""
    return _parse_timestamps(values, TWCS_TIMESTAMP_FORMAT, utc=True)


def parse_servicenow_timestamp(values: pd.Series) -> pd.Series:
    """``'29/2/2016 01:16'`` (day first, unpadded) -> naive ``datetime64[us]`` (taken as UTC);
    ``'?'``/``''`` -> NaT."""
    return _parse_timestamps(values, SERVICENOW_TIMESTAMP_FORMAT, utc=False)


def float_id_to_str(values: pd.Series) -> pd.Series:
    """``'3.0'`` -> ``'3'``; empty / ``?`` / NaN -> null. Integer strings pass through.

    Done on the text (no float round-trip) so long ids keep every digit."""
    s = null_if_missing(values)
    present = s.notna()
    txt = s[present].astype(str).str.strip()
    bad = ~txt.str.fullmatch(r"\d+(\.0*)?")
    if bad.any():
        raise ValueError(f"non-integer ids: {txt[bad].head().tolist()}")
    out = s.copy()
    out.loc[present] = txt.str.replace(r"\.0*$", "", regex=True)
    return out


def map_with_fallback(values: pd.Series, mapping: Mapping[str, str]) -> pd.Series:
    """Map through ``mapping``; unmapped non-null values are lower-cased verbatim."""
    s = null_if_missing(values)
    mapped = s.map(mapping)
    fallback = s.where(s.isna(), s.astype(str).str.strip().str.lower())
    out = mapped.astype("object").where(mapped.notna(), fallback.astype("object"))
    return out.where(s.notna() & out.notna(), None)


def _first_brand_mention(text: pd.Series, brands_by_lower: Mapping[str, str]) -> pd.Series:
    mentions = text.fillna("").astype(str).str.findall(_MENTION_RE.pattern).explode()
    mentions = mentions.dropna().str.lower().map(brands_by_lower).dropna()
    first = mentions[~mentions.index.duplicated(keep="first")]
    return first.reindex(text.index)


# ---------------------------------------------------------------------------
# Twitter customer support
# ---------------------------------------------------------------------------


def read_twcs(source: PathOrBuffer) -> pd.DataFrame:
    """Read a twcs CSV as strings (nulls for empty fields), one row per tweet.

    Only ``\\n`` ends a record (bare ``\\r`` stays in the text). The unnamed index
    column is dropped; the file order is kept.
    """
    df = pd.read_csv(
        source,
        dtype=str,
        keep_default_na=False,
        na_values=[""],
        lineterminator="\n",
        encoding="utf-8",
    )
    missing = [c for c in TWCS_COLUMNS if c not in df.columns]
    if missing:
        raise ValueError(f"twcs file lacks columns {missing}")
    return df[TWCS_COLUMNS].reset_index(drop=True)


def attribute_brands(twcs: pd.DataFrame) -> pd.DataFrame:
    """Brand of every tweet per the rule in the module docstring.

    Returns a frame indexed like ``twcs`` with columns ``brand`` and ``brand_rule``
    (``author``, ``parent``, ``reply``, ``thread``, ``mention`` or null).
    """
    tid = twcs["tweet_id"].astype(str)
    is_brand = twcs["inbound"].astype(str).str.strip().str.lower().eq("false").to_numpy()
    author = twcs["author_id"].astype(str)
    brand_of = pd.Series(author[is_brand].to_numpy(), index=tid[is_brand].to_numpy())
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
    in_file = set(tid)
    parent_in_file = pd.Series(parent.where(parent.isin(in_file), None).to_numpy(), index=tid.to_numpy())
    root = tid.copy()
    for _ in range(len(twcs) + 1):
        up = root.map(parent_in_file)
        step = up.notna() & up.ne(root)
        if not step.any():
            break
        root = root.where(~step, up)
    else:  # pragma: no cover - would need a reply cycle
        raise ValueError("reply cycle in twcs data")
    created = parse_twitter_timestamp(twcs["created_at"])
    brand_posts = pd.DataFrame(
        {
            "root": root[is_brand].to_numpy(),
            "created": created[is_brand].to_numpy(),
            "num": pd.to_numeric(tid[is_brand], errors="coerce").to_numpy(),
            "author": author[is_brand].to_numpy(),
        }
    ).sort_values(["root", "created", "num"], kind="stable")
    thread_brand = brand_posts.drop_duplicates("root").set_index("root")["author"]
    fill(root.map(thread_brand), "thread")

    # 4. first @mention that is a known brand (case-insensitive)
    brands_by_lower = {b.lower(): b for b in pd.unique(brand_of.to_numpy())}
    fill(_first_brand_mention(twcs["text"], brands_by_lower), "mention")

    return pd.DataFrame({"brand": brand, "brand_rule": rule})


def twcs_to_frames(
    twcs: pd.DataFrame, loaded_at: pd.Timestamp | dt.datetime | None = None
) -> dict[str, pd.DataFrame]:
    """Map a frame from :func:`read_twcs` to ``social_posts``, ``customer_identities``
    and ``customers`` (contract columns, in order)."""
    loaded_at = default_loaded_at() if loaded_at is None else loaded_at
    twcs = twcs.reset_index(drop=True)
    pos = np.arange(len(twcs), dtype="int64")
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
            "_loaded_at": loaded_at_column(loaded_at, pos),
        }
    )

    cust = pd.DataFrame({"handle": twcs["author_id"].astype(str), "pos": pos})[~is_brand.to_numpy()]
    cust = cust.drop_duplicates("handle", keep="first")
    customer_ids = "twitter:" + cust["handle"]
    customer_identities = pd.DataFrame(
        {
            "platform": "twitter",
            "handle": cust["handle"].to_numpy(),
            "customer_id": customer_ids.to_numpy(),
            "_loaded_at": loaded_at_column(loaded_at, cust["pos"]).to_numpy(),
        }
    )
    customers = customers_frame(customer_ids, cust["pos"], loaded_at)
    return {
        "social_posts": _conform(social_posts, "social_posts"),
        "customer_identities": _conform(customer_identities, "customer_identities"),
        "customers": customers,
    }


def parse_twcs(source: PathOrBuffer, loaded_at: pd.Timestamp | dt.datetime | None = None) -> dict[str, pd.DataFrame]:
    """Read and map a twcs CSV (see :func:`read_twcs`, :func:`twcs_to_frames`)."""
    return twcs_to_frames(read_twcs(source), loaded_at)


# ---------------------------------------------------------------------------
# ServiceNow incident event log
# ---------------------------------------------------------------------------


def read_servicenow(source: PathOrBuffer, compression: str | None = "infer") -> pd.DataFrame:
    """Read the incident event log as strings; ``'?'`` (and empty fields) become null."""
    df = pd.read_csv(
        source,
        dtype=str,
        keep_default_na=False,
        na_values=["?", ""],
        compression=compression,
        encoding="utf-8",
    )
    needed = ["number", "incident_state", "sys_mod_count", "caller_id", "opened_at", "sys_updated_at",
              "contact_type", "category", "priority", "assignment_group", "assigned_to"]
    missing = [c for c in needed if c not in df.columns]
    if missing:
        raise ValueError(f"ServiceNow file lacks columns {missing}")
    return df.reset_index(drop=True)


def servicenow_to_frames(
    log: pd.DataFrame, loaded_at: pd.Timestamp | dt.datetime | None = None
) -> dict[str, pd.DataFrame]:
    """Map a frame from :func:`read_servicenow` to ``tickets``, ``ticket_events``
    and ``customers`` (contract columns, in order)."""
    loaded_at = default_loaded_at() if loaded_at is None else loaded_at
    log = log.reset_index(drop=True)
    pos = np.arange(len(log), dtype="int64")
    number = null_if_missing(log["number"])
    if number.isna().any():
        raise ValueError("ServiceNow rows without an incident number")
    number = number.astype(str)

    seq = number.groupby(number, sort=False).cumcount() + 1
    ticket_events = pd.DataFrame(
        {
            "event_id": number + "-" + seq.astype(str),
            "ticket_id": number,
            "event_at": parse_servicenow_timestamp(log["sys_updated_at"]),
            "actor_type": "agent",
            "event_type": "status_change",
            "is_public": False,
            "status": map_with_fallback(log["incident_state"], SERVICENOW_STATUS_MAP),
            "_loaded_at": loaded_at_column(loaded_at, pos),
        }
    )

    order = pd.DataFrame(
        {
            "number": number,
            "mod": pd.to_numeric(null_if_missing(log["sys_mod_count"]), errors="coerce"),
            "pos": pos,
        }
    )
    # NaN sys_mod_count sorts first, so a numbered row always wins over it.
    order = order.sort_values(["number", "mod", "pos"], kind="stable", na_position="first")
    last_pos = order.drop_duplicates("number", keep="last").sort_values("pos")["pos"].to_numpy()
    last = log.iloc[last_pos].reset_index(drop=True)
    tickets = pd.DataFrame(
        {
            "ticket_id": number.iloc[last_pos].to_numpy(),
            "customer_id": null_if_missing(last["caller_id"]),
            "channel": map_with_fallback(last["contact_type"], SERVICENOW_CHANNEL_MAP),
            "priority": map_with_fallback(last["priority"], SERVICENOW_PRIORITY_MAP),
            "created_at": parse_servicenow_timestamp(last["opened_at"]),
            "subject": null_if_missing(last["category"]),
            "assignee_id": null_if_missing(last["assigned_to"]),
            "group_name": null_if_missing(last["assignment_group"]),
            "via_social_post_id": None,
            "_loaded_at": loaded_at_column(loaded_at, last_pos),
        }
    )

    callers = pd.DataFrame({"customer_id": null_if_missing(log["caller_id"]), "pos": pos}).dropna(
        subset=["customer_id"]
    )
    callers = callers.drop_duplicates("customer_id", keep="first")
    return {
        "tickets": _conform(tickets, "tickets"),
        "ticket_events": _conform(ticket_events, "ticket_events"),
        "customers": customers_frame(callers["customer_id"], callers["pos"], loaded_at),
    }


def parse_servicenow(
    source: PathOrBuffer, loaded_at: pd.Timestamp | dt.datetime | None = None
) -> dict[str, pd.DataFrame]:
    """Read and map a ServiceNow incident event log (``.csv`` or ``.csv.gz``)."""
    return servicenow_to_frames(read_servicenow(source), loaded_at)


# ---------------------------------------------------------------------------
# Frames and DuckDB
# ---------------------------------------------------------------------------


def customers_frame(
    customer_ids: pd.Series, positions: pd.Series | np.ndarray, loaded_at: pd.Timestamp | dt.datetime
) -> pd.DataFrame:
    """A ``customers`` frame with only ids (other attributes null)."""
    ids = pd.Series(customer_ids, dtype="object").to_numpy()
    n = len(ids)
    return _conform(
        pd.DataFrame(
            {
                "customer_id": ids,
                "_loaded_at": loaded_at_column(loaded_at, positions).to_numpy(),
            },
            index=pd.RangeIndex(n),
        ),
        "customers",
    )


def empty_frame(table: str) -> pd.DataFrame:
    """An empty frame with the contract columns of ``table``."""
    return pd.DataFrame({c: pd.Series([], dtype="object") for c, _ in CONTRACT[table]})


def _conform(df: pd.DataFrame, table: str) -> pd.DataFrame:
    """Contract columns in contract order; absent ones are added as null."""
    cols = [c for c, _ in CONTRACT[table]]
    out = df.reset_index(drop=True)
    for c in cols:
        if c not in out.columns:
            out[c] = None
    return out[cols]


def merge_frames(*parts: Mapping[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Concatenate per-table frames from several sources; every contract table is
    present in the result (empty if no source provides it)."""
    out: dict[str, pd.DataFrame] = {}
    for table in CONTRACT:
        frames = [p[table] for p in parts if table in p]
        if not frames:
            out[table] = empty_frame(table)
        elif len(frames) == 1:
            out[table] = frames[0]
        else:
            out[table] = pd.concat(frames, ignore_index=True)
    return out


def write_duckdb(frames: Mapping[str, pd.DataFrame], path: str | os.PathLike[str], schema: str = "raw") -> dict[str, int]:
    """(Re)create ``schema`` in the DuckDB file at ``path`` and write all ten contract
    tables, typed per :data:`CONTRACT`; tables missing from ``frames`` are written
    empty. Returns ``{table: row count}``."""
    import duckdb  # local import: the pure functions do not need it

    unknown = set(frames) - set(CONTRACT)
    if unknown:
        raise ValueError(f"not contract tables: {sorted(unknown)}")
    path = os.fspath(path)
    parent = os.path.dirname(os.path.abspath(path))
    os.makedirs(parent, exist_ok=True)
    counts: dict[str, int] = {}
    con = duckdb.connect(path)
    try:
        con.execute("BEGIN TRANSACTION")
        con.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        con.execute(f'CREATE SCHEMA "{schema}"')
        for table, columns in CONTRACT.items():
            col_defs = ", ".join(f'"{c}" {t}' for c, t in columns)
            con.execute(f'CREATE TABLE "{schema}"."{table}" ({col_defs})')
            df = frames.get(table)
            if df is not None and len(df):
                df = _conform(df, table)
                con.register("_src", df)
                select = ", ".join(f'CAST("{c}" AS {t})' for c, t in columns)
                con.execute(f'INSERT INTO "{schema}"."{table}" SELECT {select} FROM _src')
                con.unregister("_src")
            counts[table] = con.execute(f'SELECT count(*) FROM "{schema}"."{table}"').fetchone()[0]
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    finally:
        con.close()
    return counts
