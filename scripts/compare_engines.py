"""Assert that every SQL mart is identical on DuckDB, PostgreSQL and Spark
(same as `cx-metrics compare-engines`).

Run after building the project on each engine, each with its own dbt target path:
    python scripts/compare_engines.py --engine duckdb=target --engine postgres=target/postgres \
        --engine spark=target/spark-dbt
Each target path holds that build's manifest.json, which names the mart tables. DuckDB is read
from $CX_DUCKDB_PATH (default target/cx.duckdb), PostgreSQL with the CX_PG_* variables, and
Spark from the parquet files under $CX_SPARK_DIR/warehouse (default target/spark).
Numbers are compared with a relative tolerance of 1e-9, timestamps to the second.
Exit code 1 and one line per difference when an engine disagrees with the first one.
"""

from __future__ import annotations

from collections.abc import Sequence

from cx_metrics.cli import run_command


def main(argv: Sequence[str] | None = None) -> int:
    return run_command("compare-engines", argv, prog="compare_engines.py")


if __name__ == "__main__":
    raise SystemExit(main())
