"""Writing loaded frames: merge the parts of several sources, write the ``raw`` schema to DuckDB."""

from __future__ import annotations

import os
from collections.abc import Mapping

import pandas as pd

from cx_metrics.loaders.contract import CONTRACT, conform, empty_frame


def merge_frames(*parts: Mapping[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Concatenate per-table frames from several sources; every contract table is
    present in the result (empty if no source provides it)."""
    merged: dict[str, pd.DataFrame] = {}
    for table in CONTRACT:
        frames = [part[table] for part in parts if table in part]
        if not frames:
            merged[table] = empty_frame(table)
        elif len(frames) == 1:
            merged[table] = frames[0]
        else:
            merged[table] = pd.concat(frames, ignore_index=True)
    return merged


def write_duckdb(
    frames: Mapping[str, pd.DataFrame], path: str | os.PathLike[str], schema: str = "raw"
) -> dict[str, int]:
    """(Re)create ``schema`` in the DuckDB file at ``path`` and write all ten contract
    tables, typed per :data:`CONTRACT`; tables missing from ``frames`` are written
    empty. Returns ``{table: row count}``."""
    import duckdb  # local import: the pure functions do not need it

    unknown = set(frames) - set(CONTRACT)
    if unknown:
        raise ValueError(f"not contract tables: {sorted(unknown)}")
    path = os.fspath(path)
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    counts: dict[str, int] = {}
    connection = duckdb.connect(path)
    try:
        connection.execute("BEGIN TRANSACTION")
        connection.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        connection.execute(f'CREATE SCHEMA "{schema}"')
        for table, columns in CONTRACT.items():
            column_definitions = ", ".join(f'"{column}" {sql_type}' for column, sql_type in columns)
            connection.execute(f'CREATE TABLE "{schema}"."{table}" ({column_definitions})')
            frame = frames.get(table)
            if frame is not None and len(frame):
                connection.register("_src", conform(frame, table))
                select = ", ".join(f'CAST("{column}" AS {sql_type})' for column, sql_type in columns)
                connection.execute(f'INSERT INTO "{schema}"."{table}" SELECT {select} FROM _src')
                connection.unregister("_src")
            counts[table] = connection.execute(f'SELECT count(*) FROM "{schema}"."{table}"').fetchone()[0]
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    finally:
        connection.close()
    return counts
