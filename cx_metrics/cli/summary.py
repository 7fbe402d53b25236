"""``cx-metrics summary``: print the CX summary of a built database."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

SUMMARY = "print the CX summary of a built DuckDB database"
DESCRIPTION = """Print the CX summary of a built cx-metrics DuckDB database.

The database defaults to $CX_DUCKDB_PATH, else target/cx.duckdb (as in profiles.yml)."""


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--database", default=os.environ.get("CX_DUCKDB_PATH", "target/cx.duckdb"))
    parser.add_argument("--schema", default="main_marts", help="schema of the marts")


def run(args: argparse.Namespace) -> int:
    if not Path(args.database).exists():
        print(f"no database at {args.database}: run the dbt build first", file=sys.stderr)
        return 1
    import duckdb

    from cx_metrics.summary import build_summary

    with duckdb.connect(args.database, read_only=True) as connection:
        print(build_summary(connection, args.schema))
    return 0
