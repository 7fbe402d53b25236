"""``cx-metrics load``: load real public data sets into the ``raw`` contract."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

SUMMARY = "load the real public data sets into schema raw of a DuckDB file"
DESCRIPTION = """Load real public data sets into the cx-metrics raw contract in a DuckDB file.

Either input may be omitted. Schema raw is (re)created and all ten contract tables are
written; tables no input provides are written empty. See cx_metrics/loaders/ for the
mapping rules."""


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--twcs", type=Path, help="Kaggle 'Customer Support on Twitter' CSV")
    parser.add_argument("--servicenow", type=Path, help="UCI ServiceNow incident_event_log.csv[.gz]")
    parser.add_argument("--out", type=Path, required=True, help="DuckDB file to write (schema raw)")


def run(args: argparse.Namespace) -> int:
    for path in (args.twcs, args.servicenow):
        if path is not None and not path.is_file():
            args.parser.error(f"input file not found: {path}")
    from cx_metrics import loaders

    start = time.perf_counter()
    loaded_at = loaders.default_loaded_at()
    parts = []
    if args.twcs is not None:
        parts.append(loaders.parse_twcs(args.twcs, loaded_at))
    if args.servicenow is not None:
        parts.append(loaders.parse_servicenow(args.servicenow, loaded_at))
    counts = loaders.write_duckdb(loaders.merge_frames(*parts), args.out)
    for table, rows in counts.items():
        print(f"raw.{table}: {rows} rows")
    print(f"wrote {args.out} in {time.perf_counter() - start:.1f}s (loaded_at {loaded_at})")
    return 0
