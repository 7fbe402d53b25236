#!/usr/bin/env python
"""Load real public data sets into the cx-metrics ``raw`` contract in a DuckDB file
(same as `cx-metrics load`).

Usage (from the repo root):

    python scripts/load_real_data.py \
        --twcs ../shared/data/twcs_sample.csv \
        --servicenow ../shared/data/incident_event_log.csv.gz \
        --out target/real.duckdb

Either input may be omitted. Schema ``raw`` is (re)created and all ten contract
tables are written; tables no input provides are written empty. See
``cx_metrics/loaders/`` for the mapping rules.
"""

from __future__ import annotations

from collections.abc import Sequence

from cx_metrics.cli import run_command


def main(argv: Sequence[str] | None = None) -> int:
    return run_command("load", argv, prog="load_real_data.py")


if __name__ == "__main__":
    raise SystemExit(main())
