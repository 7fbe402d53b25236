"""Write the CX dashboard of a built cx-metrics DuckDB database (same as `cx-metrics dashboard`).

Usage: python scripts/build_dashboard.py [--database PATH] [--out target/dashboard/index.html]
       [--schema main_marts] [--check]
The database defaults to $CX_DUCKDB_PATH, else target/cx.duckdb (as in profiles.yml).
"""

from __future__ import annotations

from collections.abc import Sequence

from cx_metrics.cli import run_command


def main(argv: Sequence[str] | None = None) -> int:
    return run_command("dashboard", argv, prog="build_dashboard.py")


if __name__ == "__main__":
    raise SystemExit(main())
