"""Numeric columns -> the string columns of the CSV contract (pyarrow, vectorised)."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from cx_metrics.generate.contract import TABLE_COLUMNS, TS_FORMAT


def id_width(default: int, n_max: int) -> int:
    """Digits of an id: `default`, or more when `n_max` needs them."""
    return max(default, len(str(int(n_max))))


def id_text(prefix: str, number: int, width: int) -> str:
    """One id: prefix + zero padded number."""
    return f"{prefix}{number:0{width}d}"


def format_ids(prefix: str, numbers: np.ndarray, width: int,
               mask: np.ndarray | None = None) -> pa.Array:
    """prefix + zero padded number; mask=True -> null."""
    digits = pc.cast(pa.array(np.asarray(numbers, dtype=np.int64), mask=mask), pa.string())
    digits = pc.utf8_lpad(digits, width=width, padding="0")
    return pc.binary_join_element_wise(prefix, digits, "")


def format_timestamps(seconds: np.ndarray, mask: np.ndarray | None = None) -> pa.Array:
    """Epoch seconds -> 'YYYY-MM-DD HH:MM:SS'; mask=True -> null."""
    array = pa.array(np.asarray(seconds, dtype=np.int64), type=pa.int64(), mask=mask)
    return pc.strftime(array.cast(pa.timestamp("s")), format=TS_FORMAT)


def format_enum(values: tuple[str, ...] | list[str], codes: np.ndarray) -> pa.Array:
    """values[code]; code < 0 -> null."""
    codes = np.asarray(codes, dtype=np.int64)
    indices = pa.array(np.where(codes < 0, 0, codes), mask=codes < 0)
    return pa.array(list(values), type=pa.string()).take(indices)


def format_bool(flags: np.ndarray) -> pa.Array:
    """'true' / 'false'."""
    return format_enum(("false", "true"), np.asarray(flags, dtype=np.int64))


def format_int(values: np.ndarray, mask: np.ndarray | None = None) -> pa.Array:
    """Integers as text; mask=True -> null."""
    return pc.cast(pa.array(np.asarray(values, dtype=np.int64), mask=mask), pa.string())


def format_money(amounts: np.ndarray) -> pa.Array:
    """Amounts with exactly two decimals ('4200.00')."""
    cents = np.rint(np.asarray(amounts) * 100).astype(np.int64)
    whole = pc.cast(pa.array(cents // 100), pa.string())
    fraction = pc.utf8_lpad(pc.cast(pa.array(cents % 100), pa.string()), width=2, padding="0")
    return pc.binary_join_element_wise(whole, fraction, ".")


def pick_text(rng: np.random.Generator, pool: tuple[str, ...], n: int) -> pa.Array:
    """n texts drawn uniformly from `pool`."""
    return format_enum(pool, rng.integers(0, len(pool), n))


def to_table(name: str, columns: dict[str, pa.Array]) -> pa.Table:
    """A string-typed table with the contract columns of `name`, in contract order."""
    names = list(TABLE_COLUMNS[name])
    assert list(columns) == names or set(columns) == set(names), (name, list(columns))
    return pa.table([pa.array(columns[column], type=pa.string())
                     if not isinstance(columns[column], pa.Array)
                     else columns[column].cast(pa.string()) for column in names], names=names)
