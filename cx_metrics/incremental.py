"""Incremental builds (docs/incremental.md): the pure helpers behind them.

- `changed_rows` / `reuse_scores`: the sentiment model's incremental step: only feedback rows new
  or changed since the previous build are rewritten, and of those only the ones not scored yet
  are scored.
- `time_cut_views` / `exposure_sql`: raw tables seen as of a time cut (rows with every timestamp
  before it), as the incremental test and the benchmark's incremental step build first on the
  older part of a dataset, then expose all of it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import duckdb
import pandas as pd

from cx_metrics.sentiment import SCORED_COLUMNS

# ---------------------------------------------------------------- sentiment


def changed_rows(
    rows: duckdb.DuckDBPyRelation,
    stored: duckdb.DuckDBPyRelation,
    key: str = "feedback_id",
    ignored: Sequence[str] = ("text",),
) -> duckdb.DuckDBPyRelation:
    """The rows of `rows` (every one of their keys' rows) whose columns, those in `ignored` aside,
    are not all found as one row of `stored` (the model's previous table): new keys and keys
    with a changed value. `stored` needs the same columns (`ignored` aside); nulls compare equal."""
    columns = [column for column in rows.columns if column not in ignored]
    stored_rows = stored.select(*columns)
    changed_keys = rows.select(*columns).except_(stored_rows).select(key).set_alias("changed_keys")
    return rows.set_alias("rows").join(changed_keys, key, how="semi")


def reuse_scores(
    feedback: pd.DataFrame,
    scored: pd.DataFrame | None,
    score: Callable[[pd.DataFrame], pd.DataFrame],
    key: str = "feedback_id",
) -> pd.DataFrame:
    """Every row of `feedback` scored: a row whose key is in `scored` (the model's previous rows)
    takes its SCORED_COLUMNS from there, the others go through `score` (e.g. score_feedback with
    the taxonomy bound). None or an empty `scored` scores everything. Row order is kept."""
    if scored is None or scored.empty:
        return score(feedback)
    known = feedback[key].isin(scored[key])
    kept = feedback.loc[known].drop(columns=["text"]).merge(
        scored[[key, *SCORED_COLUMNS]], on=key, how="left"
    )
    kept.index = feedback.index[known]
    new = score(feedback.loc[~known])
    out = pd.concat([kept, new]).loc[feedback.index]
    return out.astype(new.dtypes.to_dict()) if len(new) else out


# ---------------------------------------------------------------- time cut

#: The data timestamps of each raw table the incremental builds read (source contract); a row is
#: before a cut when every one of them that is set is before it. Tables not listed (reference
#: tables: customers, schedules, SLA policies, ...) are exposed whole.
TIMESTAMP_COLUMNS: dict[str, tuple[str, ...]] = {
    "tickets": ("created_at",),
    "ticket_events": ("event_at",),
    "survey_invitations": ("sent_at",),
    "survey_responses": ("responded_at", "followed_up_at"),
    "social_posts": ("created_at",),
    "ticket_schedules": ("valid_from",),
    "ticket_sla_policies": ("applied_at",),
}


def exposure_sql(table: str, source: str, cut: str | None = None, late_from: str | None = None,
                 late_one_in: int = 3) -> str:
    """The select a raw view `table` runs over `source` to show the data as of a time cut.

    cut None: all rows. Else the rows whose timestamps (TIMESTAMP_COLUMNS) are all null or
    before `cut` (UTC timestamp text); with `late_from`, about one in `late_one_in` of the rows
    whose first timestamp is in [late_from, cut) is held back too: they arrive late, in the
    batch after the cut, with timestamps older than the first build's latest."""
    stamps = TIMESTAMP_COLUMNS.get(table, ())
    if cut is None or not stamps:
        return f"select * from {source}"
    kept = " and ".join(
        f"(try_cast({c} as timestamp) is null or try_cast({c} as timestamp) < timestamp '{cut}')" for c in stamps
    )
    if late_from is not None:
        first = stamps[0]
        kept += (f" and not coalesce(try_cast({first} as timestamp) >= timestamp '{late_from}'"
                 f" and hash(cast({first} as varchar)) % {late_one_in} = 0, false)")
    return f"select * from {source} where {kept}"


def time_cut_views(tables: Mapping[str, str], cut: str | None = None, late_from: str | None = None) -> dict[str, str]:
    """{view name: select} for raw `tables` ({name: source relation}) as of `cut` (None = all)."""
    return {name: exposure_sql(name, source, cut, late_from) for name, source in tables.items()}


def cut_for_share(timestamps: pd.Series, new_share: float) -> str:
    """The cut that leaves about `new_share` (0-1) of `timestamps` after it, as UTC timestamp text."""
    instant = pd.to_datetime(timestamps, errors="coerce").dropna().quantile(1 - new_share)
    return pd.Timestamp(instant).strftime("%Y-%m-%d %H:%M:%S")
