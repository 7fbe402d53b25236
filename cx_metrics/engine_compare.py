"""Compare the marts built by different engines (DuckDB, PostgreSQL, Spark) value by value.

Each engine's table is read into a pandas DataFrame, normalised to a common form (lowercase
column names, timestamps to the second, decimals as floats, rows sorted), then compared with
a relative numeric tolerance. The readers live in cx_metrics/cli/compare_engines.py; these functions
are pure so they can be tested on small frames.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import pandas as pd

RELATIVE_TOLERANCE = 1e-9
# Decimal marts carry 6 decimals (decimal(28,6)); an exact midpoint such as a median of two
# values may be rounded up by one engine and down by another in that last place.
ABSOLUTE_TOLERANCE = 1.000001e-6


@dataclass(frozen=True)
class MartDifference:
    """One way two engines disagree on a mart."""

    mart: str
    what: str

    def __str__(self) -> str:
        return f"{self.mart}: {self.what}"


def normalise_value(value: Any) -> Any:
    """One comparable form per value: None for nulls, float for numbers, text for times."""
    if value is None or value is pd.NaT or value is pd.NA:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, Decimal)):
        return float(value)
    if isinstance(value, (pd.Timestamp, datetime)):
        stamp = pd.Timestamp(value)
        if stamp.tzinfo is not None:
            stamp = stamp.tz_convert("UTC").tz_localize(None)
        return stamp.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, date):  # a date is its midnight: drivers return dates as either type
        return f"{value.isoformat()} 00:00:00"
    if hasattr(value, "item"):  # numpy scalars
        return normalise_value(value.item())
    return value


def normalise_frame(frame: pd.DataFrame) -> list[tuple[Any, ...]]:
    """The frame's rows as tuples of normalised values, columns in name order, rows sorted."""
    columns = sorted(frame.columns, key=str.lower)
    rows = [
        tuple(normalise_value(value) for value in row)
        for row in frame[columns].astype(object).itertuples(index=False, name=None)
    ]
    return sorted(rows, key=_sort_key)


def _sort_key(row: tuple[Any, ...]) -> tuple[Any, ...]:
    # Nulls first, then by type, numbers rounded so tiny float noise cannot reorder rows.
    return tuple(
        (0, "") if value is None else
        (1, f"{value:.6g}") if isinstance(value, float) else
        (2, str(value))
        for value in row
    )


def values_equal(left: Any, right: Any, relative_tolerance: float = RELATIVE_TOLERANCE) -> bool:
    if isinstance(left, float) and isinstance(right, float):
        return math.isclose(left, right, rel_tol=relative_tolerance, abs_tol=ABSOLUTE_TOLERANCE)
    return left == right


def compare_marts(
    mart: str,
    left_name: str,
    left: pd.DataFrame,
    right_name: str,
    right: pd.DataFrame,
    relative_tolerance: float = RELATIVE_TOLERANCE,
    most: int = 5,
) -> list[MartDifference]:
    """Differences between two engines' versions of one mart (empty list = identical)."""
    left_columns = {column.lower() for column in left.columns}
    right_columns = {column.lower() for column in right.columns}
    if left_columns != right_columns:
        return [MartDifference(mart, f"columns differ: only in {left_name} {sorted(left_columns - right_columns)}, "
                                     f"only in {right_name} {sorted(right_columns - left_columns)}")]
    if len(left) != len(right):
        return [MartDifference(mart, f"{len(left)} rows in {left_name}, {len(right)} in {right_name}")]
    columns = sorted(left.columns, key=str.lower)
    left_rows = normalise_frame(left.rename(columns=str.lower))
    right_rows = normalise_frame(right.rename(columns=str.lower))
    differences = []
    for row_number, (left_row, right_row) in enumerate(zip(left_rows, right_rows, strict=True)):
        for column, left_value, right_value in zip(columns, left_row, right_row, strict=True):
            if not values_equal(left_value, right_value, relative_tolerance):
                differences.append(MartDifference(
                    mart, f"sorted row {row_number}, column {column.lower()}: "
                          f"{left_name}={left_value!r} {right_name}={right_value!r}"
                ))
                if len(differences) >= most:
                    return differences
    return differences


def compare_engines(
    marts: Iterable[str], frames: dict[str, dict[str, pd.DataFrame]], reference: str
) -> list[MartDifference]:
    """Compare every mart of every engine in `frames` ({engine: {mart: frame}}) to `reference`."""
    differences = []
    for mart in marts:
        for engine, engine_frames in frames.items():
            if engine == reference:
                continue
            if mart not in engine_frames:
                differences.append(MartDifference(mart, f"missing in {engine}"))
                continue
            differences += compare_marts(mart, reference, frames[reference][mart], engine, engine_frames[mart])
    return differences
