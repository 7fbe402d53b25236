"""Print the CX summary of a built cx-metrics DuckDB database.

Usage: python scripts/cx_summary.py [--database PATH] [--schema main]
The database defaults to $CX_DUCKDB_PATH, else target/cx.duckdb (as in profiles.yml).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import duckdb  # noqa: E402

from cx_metrics.summary import build_summary  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default=os.environ.get("CX_DUCKDB_PATH", "target/cx.duckdb"))
    parser.add_argument("--schema", default="main_marts", help="schema of the marts")
    args = parser.parse_args()
    if not Path(args.database).exists():
        print(f"no database at {args.database}: run the dbt build first", file=sys.stderr)
        return 1
    with duckdb.connect(args.database, read_only=True) as connection:
        print(build_summary(connection, args.schema))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
