"""Value rules shared by every loader: load timestamps, missing markers, timestamps, ids, codes."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from typing import IO

import numpy as np
import pandas as pd

PathOrBuffer = str | os.PathLike[str] | IO[bytes] | IO[str]


def default_loaded_at() -> pd.Timestamp:
    """The current UTC time as a naive timestamp, truncated to the second."""
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
    return pd.Timestamp(now)


def loaded_at_column(loaded_at: pd.Timestamp | dt.datetime, positions: pd.Series | np.ndarray) -> pd.Series:
    """``loaded_at`` plus each 0-based file position, in microseconds."""
    base = pd.Timestamp(loaded_at)
    if base.tzinfo is not None:
        base = base.tz_convert("UTC").tz_localize(None)
    offsets = np.asarray(positions, dtype="int64")
    return pd.Series(base + pd.to_timedelta(offsets, unit="us")).astype("datetime64[us]")


def null_if_missing(values: pd.Series, missing: tuple[str, ...] = ("?", "")) -> pd.Series:
    """Object/str series with ``missing`` markers (and NaN) replaced by null (``None``)."""
    series = pd.Series(values, dtype="object")
    is_missing = series.isna() | series.isin(list(missing))
    return series.where(~is_missing, None)


def parse_timestamps(values: pd.Series, fmt: str, utc: bool) -> pd.Series:
    """Strictly parse with ``fmt`` to naive ``datetime64[us]`` (UTC when ``utc``); missing -> NaT."""
    series = null_if_missing(values)
    present = series.notna()
    parsed_column = pd.Series(pd.NaT, index=series.index, dtype="datetime64[us]")
    if present.any():
        # Strict: an unparseable value raises instead of silently becoming null.
        parsed = pd.to_datetime(series[present].astype(str), format=fmt, utc=utc)
        if utc:
            parsed = parsed.dt.tz_convert("UTC").dt.tz_localize(None)
        parsed_column.loc[present] = parsed.astype("datetime64[us]")
    return parsed_column


def float_id_to_str(values: pd.Series) -> pd.Series:
    """``'3.0'`` -> ``'3'``; empty / ``?`` / NaN -> null. Integer strings pass through.

    Done on the text (no float round-trip) so long ids keep every digit."""
    series = null_if_missing(values)
    present = series.notna()
    text = series[present].astype(str).str.strip()
    not_integer = ~text.str.fullmatch(r"\d+(\.0*)?")
    if not_integer.any():
        raise ValueError(f"non-integer ids: {text[not_integer].head().tolist()}")
    ids = series.copy()
    ids.loc[present] = text.str.replace(r"\.0*$", "", regex=True)
    return ids


def map_with_fallback(values: pd.Series, mapping: Mapping[str, str]) -> pd.Series:
    """Map through ``mapping``; unmapped non-null values are lower-cased verbatim."""
    series = null_if_missing(values)
    mapped = series.map(mapping)
    fallback = series.where(series.isna(), series.astype(str).str.strip().str.lower())
    result = mapped.astype("object").where(mapped.notna(), fallback.astype("object"))
    return result.where(series.notna() & result.notna(), None)
