"""Validate the built cx-metrics marts with their Great Expectations suites.

Usage: python scripts/run_great_expectations.py [--database PATH] [--schema main_marts]
                                                [--suites DIR] [--docs DIR]
The database defaults to $CX_DUCKDB_PATH, else target/cx.duckdb (as in profiles.yml); the
suites are great_expectations/expectations/*.json; GE Data Docs are written to
target/great_expectations/data_docs/index.html. Exit code 1 when an expectation fails (each
failure is printed as mart.column: expectation), 2 when there is no database.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cx_metrics.ge_suites import DEFAULT_DOCS_DIR, SUITES_DIR, run_suites  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default=os.environ.get("CX_DUCKDB_PATH", "target/cx.duckdb"))
    parser.add_argument("--schema", default=os.environ.get("CX_MARTS_SCHEMA", "main_marts"),
                        help="schema of the marts")
    parser.add_argument("--suites", type=Path, default=SUITES_DIR, help="folder of the suite JSON files")
    parser.add_argument("--docs", type=Path, default=DEFAULT_DOCS_DIR, help="folder of the Data Docs site")
    args = parser.parse_args()
    if not Path(args.database).exists():
        print(f"no database at {args.database}: run the dbt build first", file=sys.stderr)
        return 2
    outcomes, docs_index = run_suites(Path(args.database), args.schema, args.suites, args.docs)
    failed = [outcome for outcome in outcomes if outcome.status == "failed"]
    for outcome in outcomes:
        if outcome.status == "passed":
            print(f"passed  {outcome.mart} ({outcome.expectations} expectations)")
        elif outcome.status == "skipped":
            print(f"skipped {outcome.mart}: {outcome.note}")
        else:
            print(f"FAILED  {outcome.mart}: {len(outcome.failures)} failed expectation(s)")
            for failure in outcome.failures:
                print(f"  {failure}")
    if docs_index is not None:
        print(f"Data Docs: {docs_index}")
    print(f"Great Expectations: {sum(o.status == 'passed' for o in outcomes)} marts passed, "
          f"{len(failed)} failed, {sum(o.status == 'skipped' for o in outcomes)} skipped")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
