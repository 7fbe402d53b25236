#!/usr/bin/env python
"""Load real public data sets into the cx-metrics ``raw`` contract in a DuckDB file.

Usage (from the repo root):

    python scripts/load_real_data.py \
        --twcs ../shared/data/twcs_sample.csv \
        --servicenow ../shared/data/incident_event_log.csv.gz \
        --out target/real.duckdb

Either input may be omitted. Schema ``raw`` is (re)created and all ten contract
tables are written; tables no input provides are written empty. See
``cx_metrics/loaders.py`` for the mapping rules.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from cx_metrics import loaders  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--twcs", type=Path, help="Kaggle 'Customer Support on Twitter' CSV")
    parser.add_argument("--servicenow", type=Path, help="UCI ServiceNow incident_event_log.csv[.gz]")
    parser.add_argument("--out", type=Path, required=True, help="DuckDB file to write (schema raw)")
    args = parser.parse_args(argv)

    for p in (args.twcs, args.servicenow):
        if p is not None and not p.is_file():
            parser.error(f"input file not found: {p}")

    start = time.perf_counter()
    loaded_at = loaders.default_loaded_at()
    parts = []
    if args.twcs is not None:
        parts.append(loaders.parse_twcs(args.twcs, loaded_at))
    if args.servicenow is not None:
        parts.append(loaders.parse_servicenow(args.servicenow, loaded_at))
    counts = loaders.write_duckdb(loaders.merge_frames(*parts), args.out)

    for table, n in counts.items():
        print(f"raw.{table}: {n} rows")
    print(f"wrote {args.out} in {time.perf_counter() - start:.1f}s (loaded_at {loaded_at})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
