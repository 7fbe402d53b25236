"""Print the CX summary of a built cx-metrics DuckDB database (same as `cx-metrics summary`).

Usage: python scripts/cx_summary.py [--database PATH] [--schema main_marts]
The database defaults to $CX_DUCKDB_PATH, else target/cx.duckdb (as in profiles.yml).
"""

from __future__ import annotations

from collections.abc import Sequence

from cx_metrics.cli import run_command


def main(argv: Sequence[str] | None = None) -> int:
    return run_command("summary", argv, prog="cx_summary.py")


if __name__ == "__main__":
    raise SystemExit(main())
