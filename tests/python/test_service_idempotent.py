"""Two consecutive builds on the same data give identical service marts.

Demo data is generated into a throwaway folder (fixed seed), loaded as schema raw of a throwaway
DuckDB file, and the service models are built twice; every service table must hold exactly the
same rows both times. "Now" comes from the data (int_as_of), never the wall clock.
"""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from cx_metrics import generate

from conftest import load_csv_dir_as_raw, run_dbt

SERVICE_TABLES = ["fct_tickets", "mart_response_time", "mart_resolution"]
SELECT = ["--select", "+fct_tickets", "+mart_response_time", "+mart_resolution"]


def snapshot(database) -> dict[str, pd.DataFrame]:
    with duckdb.connect(str(database), read_only=True) as connection:
        return {
            table: connection.execute(f"select * from main_marts.{table} order by all").df()
            for table in SERVICE_TABLES
        }


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory):
    work_dir = tmp_path_factory.mktemp("idempotent")
    raw_dir = work_dir / "raw"
    generate.run(seed=7, tickets=400, out=raw_dir, fmt="csv")
    database = work_dir / "demo.duckdb"
    load_csv_dir_as_raw(raw_dir, database)
    snapshots = []
    for _ in range(2):
        build = run_dbt(["run", "--vars", "{cx_source: raw}", *SELECT], database, work_dir)
        assert build.returncode == 0, build.stdout[-5000:] + build.stderr
        snapshots.append(snapshot(database))
    return snapshots


@pytest.mark.parametrize("table", SERVICE_TABLES)
def test_two_builds_give_identical_tables(two_builds, table):
    first, second = two_builds[0][table], two_builds[1][table]
    assert len(first) > 0
    pd.testing.assert_frame_equal(first, second)
