"""Validate the built cx-metrics marts with their Great Expectations suites
(same as `cx-metrics expectations`).

Usage: python scripts/run_great_expectations.py [--database PATH] [--schema main_marts]
                                                [--suites DIR] [--docs DIR]
The database defaults to $CX_DUCKDB_PATH, else target/cx.duckdb (as in profiles.yml); the
suites are great_expectations/expectations/*.json; GE Data Docs are written to
target/great_expectations/data_docs/index.html. Exit code 1 when an expectation fails (each
failure is printed as mart.column: expectation), 2 when there is no database.
"""

from __future__ import annotations

from collections.abc import Sequence

from cx_metrics.cli import run_command


def main(argv: Sequence[str] | None = None) -> int:
    return run_command("expectations", argv, prog="run_great_expectations.py")


if __name__ == "__main__":
    raise SystemExit(main())
