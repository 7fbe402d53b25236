"""The benchmark's data plumbing (benchmarks/run_benchmark.py): repeating a generated world, counting
what an incremental run rebuilt, the storage format of its files, repetitions."""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

import duckdb
import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("run_benchmark", REPO_ROOT / "benchmarks" / "run_benchmark.py")
run_benchmark = importlib.util.module_from_spec(spec)
sys.modules["run_benchmark"] = run_benchmark  # dataclasses look their module up there
spec.loader.exec_module(run_benchmark)


def write_parquet(folder: Path, table: str, sql: str) -> None:
    duckdb.sql(f"copy ({sql}) to '{folder / table}.parquet' (format parquet)")


def test_copies_repeat_the_world_with_suffixed_keys_and_share_reference_tables(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    write_parquet(raw, "tickets", "select 'T1' as ticket_id, 'C1' as customer_id, null::varchar as via_social_post_id, "
                                  "'email' as channel")
    write_parquet(raw, "ticket_events", "select 'E1' as event_id, 'T1' as ticket_id, 'A1' as actor_id")
    write_parquet(raw, "schedules", "select 'default' as schedule_id")
    counts = run_benchmark.expose_as_raw(raw, tmp_path / "bench.duckdb", copies=3)
    assert counts == {"schedules": 1, "ticket_events": 3, "tickets": 3}
    with duckdb.connect(str(tmp_path / "bench.duckdb")) as connection:
        tickets = connection.execute("select ticket_id, customer_id, via_social_post_id, channel from raw.tickets "
                                     "order by ticket_id").fetchall()
        events = connection.execute("select event_id, ticket_id, actor_id from raw.ticket_events "
                                    "order by event_id").fetchall()
    assert tickets == [("T1", "C1", None, "email"), ("T1~1", "C1~1", None, "email"), ("T1~2", "C1~2", None, "email")]
    # Agents (actor_id) are shared by every copy; events follow their ticket.
    assert events == [("E1", "T1", "A1"), ("E1~1", "T1~1", "A1"), ("E1~2", "T1~2", "A1")]


def test_one_copy_is_the_file_as_generated(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    write_parquet(raw, "tickets", "select 'T1' as ticket_id, 'C1' as customer_id")
    assert run_benchmark.expose_as_raw(raw, tmp_path / "bench.duckdb") == {"tickets": 1}


def test_tickets_rebuilt_counts_the_listed_tickets_and_the_open_ones(tmp_path):
    database = tmp_path / "bench.duckdb"
    with duckdb.connect(str(database)) as connection:
        connection.execute("create schema main_marts")
        connection.execute("create table main_marts.fct_tickets as select * from (values "
                           "('T1', true), ('T2', false), ('T3', false), ('T4', true)) as t(ticket_id, is_solved)")
        connection.execute("create table main.int_tickets_to_rebuild as select * from (values ('T2'), ('T4')) "
                           "as t(ticket_id)")
    assert run_benchmark.tickets_rebuilt(database) == (2, 1, 4)
    assert run_benchmark.rebuilt_line(2, 1, 4) == ("incremental run rebuilt 2 of 4 tickets (50.0%), "
                                                   "1 of them open (rebuilt on every run)")


def test_tickets_rebuilt_is_none_without_the_tables(tmp_path):
    database = tmp_path / "bench.duckdb"
    duckdb.connect(str(database)).close()
    assert run_benchmark.tickets_rebuilt(database) is None


def test_a_step_reports_wall_cpu_and_peak(tmp_path):
    # the command: two seconds of CPU in a child, so the time is the step's own and measurable
    spin = "import time\nend = time.process_time() + 2\nwhile time.process_time() < end: pass"
    step = run_benchmark.run_step("spin", [sys.executable, "-c", spin], tmp_path / "unused.duckdb")
    assert step.returncode == 0
    assert step.cpu_seconds >= 2.0
    assert step.seconds >= step.cpu_seconds - 0.5
    line = run_benchmark.Step("run", 116.04, 2694.2, 0, 205.96).line()
    assert line == "run                               116.0 s   cpu   206.0 s   peak   2,694 MiB"
    assert run_benchmark.Step("run", 1.0, 10.0, 2, 1.5).line().endswith(", exit 2")


def test_the_storage_format_is_the_profiles_default(tmp_path):
    profiles = tmp_path / "profiles.yml"
    profiles.write_text("""storage_compatibility_version: "{{ env_var('CX_DUCKDB_STORAGE_VERSION', 'v9.8.7') }}"\n""")
    assert run_benchmark.profile_storage_version(profiles) == "v9.8.7"
    # the project's own profile: the format the benchmark creates its files in, unless overridden
    assert run_benchmark.profile_storage_version() in (REPO_ROOT / "profiles.yml").read_text()
    profiles.write_text("storage_compatibility_version: v1.3.0\n")
    with pytest.raises(SystemExit, match="CX_DUCKDB_STORAGE_VERSION"):
        run_benchmark.profile_storage_version(profiles)


def test_repetitions_start_on_a_fresh_database_and_report_the_fastest_and_the_median(tmp_path, monkeypatch, capsys):
    raw = tmp_path / "raw"
    raw.mkdir()
    write_parquet(raw, "tickets", "select 'T1' as ticket_id")
    walls = iter([30.0, 5.0, 10.0, 6.0, 20.0, 7.0])  # run, tests; three times
    tables_found = []

    def dbt_step(name, command_line, database):
        """Stands in for a dbt command: notes whether an earlier step left a table, leaves one;
        its one node takes a tenth of its wall time."""
        with duckdb.connect(str(database)) as connection:
            tables_found.append(connection.execute("select count(*) from duckdb_tables() "
                                                   "where table_name = 'built'").fetchone()[0])
            connection.execute("create table if not exists built as select 1 as done")
        wall = next(walls)
        target = Path(command_line[command_line.index("--target-path") + 1])
        target.mkdir(parents=True, exist_ok=True)
        (target / "run_results.json").write_text(json.dumps(
            {"results": [{"unique_id": "model.cx_metrics.fct_tickets", "execution_time": wall / 10}]}))
        return run_benchmark.Step(name, wall, 100.0, 0, 1.0)

    monkeypatch.setattr(run_benchmark, "run_step", dbt_step)
    args = argparse.Namespace(work_dir=tmp_path / "work", raw_dir=raw, copies=1, steps=["run", "tests"], select=[],
                              threads=None, incremental_share=0.0, repeat=3, keep=False)
    assert run_benchmark.benchmark_size(1, args) == 0
    printed = capsys.readouterr().out
    assert tables_found == [0, 1, 0, 1, 0, 1]  # the tests step sees the run's table; the next run a fresh file
    assert "-- repetition 3 of 3" in printed
    assert run_benchmark.Step("run", 10.0, 100.0, 0, 1.0).line() + "   median 20.0 s" in printed
    assert run_benchmark.Step("tests", 5.0, 100.0, 0, 1.0).line() + "   median 6.0 s" in printed
    # the node timings: the fastest run's (10 s), not the first's (30 s) nor the tests' after it
    assert "slowest nodes of the run" in printed
    assert "1.00  model.fct_tickets" in printed
    assert "3.00  model.fct_tickets" not in printed
