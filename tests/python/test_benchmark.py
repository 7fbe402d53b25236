"""The benchmark's data plumbing (benchmarks/run_benchmark.py): repeating a generated world, counting
what an incremental run rebuilt."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import duckdb

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
