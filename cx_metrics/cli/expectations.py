"""``cx-metrics expectations``: validate the built marts with their Great Expectations suites."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

SUMMARY = "validate the built marts with the Great Expectations suites"
DESCRIPTION = """Validate the built cx-metrics marts with their Great Expectations suites.

The database defaults to $CX_DUCKDB_PATH, else target/cx.duckdb (as in profiles.yml); the
suites are great_expectations/expectations/*.json; GE Data Docs are written to
target/great_expectations/data_docs/index.html. Exit code 1 when an expectation fails (each
failure is printed as mart.column: expectation), 2 when there is no database."""


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--database", default=os.environ.get("CX_DUCKDB_PATH", "target/cx.duckdb"))
    parser.add_argument("--schema", default=os.environ.get("CX_MARTS_SCHEMA", "main_marts"),
                        help="schema of the marts")
    parser.add_argument("--suites", type=Path,
                        help="folder of the suite JSON files (default great_expectations/expectations)")
    parser.add_argument("--docs", type=Path,
                        help="folder of the Data Docs site (default target/great_expectations/data_docs)")


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    if not Path(args.database).exists():
        print(f"no database at {args.database}: run the dbt build first", file=sys.stderr)
        return 2
    from cx_metrics.ge_suites import DEFAULT_DOCS_DIR, SUITES_DIR, run_suites

    outcomes, docs_index = run_suites(Path(args.database), args.schema, args.suites or SUITES_DIR,
                                      args.docs or DEFAULT_DOCS_DIR)
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
