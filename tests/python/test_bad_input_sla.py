"""Per-ticket SLA policies from raw tables: their data rules, reconciliation and the SLA they set.

The clean raw tables of tests/fixtures/bad_input/good/ plus the two optional tables of
tests/fixtures/bad_input/per_ticket_sla/ (ticket_sla_policies, sla_policy_targets), each with a few
bad rows, are built on DuckDB; then the same clean tables without the two optional tables.

  with     exactly the rows of expected_rejected_rows.csv are quarantined, nothing is lost
           (mart_source_reconciliation), and fct_tickets measures T1 and T4 by their per-ticket
           policies (values computed by hand below) and the other tickets by (priority, channel)
  without  the optional tables are absent: a notice each, every ticket on (priority, channel), and
           the tickets whose policy rows were all quarantined (T3, T5) or that never had one (T2)
           get the same fct_tickets row as with the tables

Business hours: Monday-Friday 09:00-17:00 America/New_York (EST, UTC-5, in the fixture's week).
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import duckdb
import pytest

from conftest import REPO_ROOT, load_csv_dir_as_raw, run_dbt

FIXTURE = REPO_ROOT / "tests" / "fixtures" / "bad_input"
SLA_FIXTURE = FIXTURE / "per_ticket_sla"
TABLES = ["sla_policy_targets", "ticket_sla_policies"]
ROW_KEY = {
    "sla_policy_targets": "policy_id || '|' || priority || '|' || metric",
    "ticket_sla_policies": "ticket_id || '|' || applied_at",
}
SELECT = ["+fct_tickets", "+mart_source_reconciliation", "+mart_quarantine_summary"]
VARS = "{cx_source: raw, cx_demo_seeds_enabled: false}"


def build(work_dir: Path, with_sla_tables: bool) -> tuple[Path, str]:
    raw_dir = work_dir / "raw"
    raw_dir.mkdir(parents=True)
    for path in (FIXTURE / "good").glob("*.csv"):
        shutil.copy(path, raw_dir)
    if with_sla_tables:
        for table in TABLES:
            shutil.copy(SLA_FIXTURE / f"{table}.csv", raw_dir)
    database = work_dir / "sla.duckdb"
    load_csv_dir_as_raw(raw_dir, database)
    # `build` with the tables runs their data tests too (keys, relationships, reconciliation); the
    # unit tests do not read raw tables and run elsewhere.
    command = "build" if with_sla_tables else "run"
    result = run_dbt([command, "--select", *SELECT, "--exclude", "tag:python", "test_type:unit",
                      "--indirect-selection", "cautious", "--vars", VARS], database, work_dir)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    return database, result.stdout


@pytest.fixture(scope="module")
def with_tables(tmp_path_factory) -> tuple[Path, str]:
    return build(tmp_path_factory.mktemp("sla_with"), with_sla_tables=True)


@pytest.fixture(scope="module")
def without_tables(tmp_path_factory) -> tuple[Path, str]:
    return build(tmp_path_factory.mktemp("sla_without"), with_sla_tables=False)


def query(database: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(database), read_only=True) as connection:
        return connection.execute(sql).fetchall()


def tickets(database: Path) -> dict[str, dict]:
    with duckdb.connect(str(database), read_only=True) as connection:
        cursor = connection.execute("select * from main_marts.fct_tickets")
        columns = [column[0] for column in cursor.description]
        return {row[0]: dict(zip(columns, row, strict=True)) for row in cursor.fetchall()}


def test_bad_rows_land_in_quarantine_exactly(with_tables):
    database, _ = with_tables
    found = set()
    for table in TABLES:
        found |= {(table, *row) for row in query(database, (
            f"select {ROW_KEY[table]}, reject_reason, rejected_column from main_quarantine.{table}_rejected"))}
    with open(SLA_FIXTURE / "expected_rejected_rows.csv", newline="") as handle:
        expected = {tuple(row.values()) for row in csv.DictReader(handle)}
    assert found == expected


def test_nothing_is_lost(with_tables):
    database, _ = with_tables
    counts = query(database, (
        "select source_table, source_rows, staged_rows, rejected_rows, is_reconciled "
        "from main_marts.mart_source_reconciliation where source_table in ('sla_policy_targets', "
        "'ticket_sla_policies') order by source_table"))
    # 9 targets, 2 bad; 6 applications, 3 bad.
    assert counts == [("sla_policy_targets", 9, 7, 2, True), ("ticket_sla_policies", 6, 3, 3, True)]
    summary = query(database, (
        "select source_table, reject_reason, rejected_column, rejected_rows from main_marts.mart_quarantine_summary "
        "where source_table in ('sla_policy_targets', 'ticket_sla_policies') order by 1, 2, 3"))
    assert summary == [
        ("sla_policy_targets", "out_of_range", "target_minutes", 1),
        ("sla_policy_targets", "unparseable_value", "in_business_hours", 1),
        ("ticket_sla_policies", "implausible_timestamp", "applied_at", 1),
        ("ticket_sla_policies", "orphan_reference", "policy_id", 1),
        ("ticket_sla_policies", "orphan_reference", "ticket_id", 1),
    ]


def test_latest_applied_policy_sets_each_metric_on_its_own_clock(with_tables):
    # T1 (normal/email), created Mon 2026-03-02 09:30 EST. P-LAX applied 14:30 UTC, P-STRICT 15:00
    # UTC (loaded earlier): P-STRICT is in force, not the priority/channel rule (480/960/2880).
    # First reply 09:30 -> 10:10 = 40 business min > 30 (business) -> breached.
    # Next reply Mon 13:00 -> Tue 09:45 EST = 1,245 calendar but 240 + 45 = 285 business min
    # <= 300 (business) -> not breached.
    # Resolution Mon 09:30 -> Tue 09:50 EST = 1,460 calendar min > 1,440 (calendar) -> breached
    # (500 business minutes would not be).
    t1 = tickets(with_tables[0])["T1"]
    assert {column: t1[column] for column in [
        "has_sla_policy", "sla_policy_source", "sla_policy_id", "is_sla_in_business_hours",
        "first_reply_target_minutes", "is_first_reply_sla_in_business_hours", "is_first_reply_sla_breached",
        "next_reply_target_minutes", "is_next_reply_sla_in_business_hours", "is_next_reply_sla_breached",
        "resolution_target_minutes", "is_resolution_sla_in_business_hours", "is_resolution_sla_breached",
    ]} == {
        "has_sla_policy": True, "sla_policy_source": "ticket_policy", "sla_policy_id": "P-STRICT",
        "is_sla_in_business_hours": None,  # business and calendar targets mixed
        "first_reply_target_minutes": 30, "is_first_reply_sla_in_business_hours": True,
        "is_first_reply_sla_breached": True,
        "next_reply_target_minutes": 300, "is_next_reply_sla_in_business_hours": True,
        "is_next_reply_sla_breached": False,
        "resolution_target_minutes": 1440, "is_resolution_sla_in_business_hours": False,
        "is_resolution_sla_breached": True,
    }
    assert (t1["first_reply_business_minutes"], t1["next_reply_max_business_minutes"],
            t1["full_resolution_minutes"]) == (40, 285, 1460)


def test_a_metric_without_a_target_is_not_measured(with_tables):
    # T4 (low/web), created Wed 2026-03-04 13:00 EST, never answered nor solved. P-NO-FIRST sets
    # only a resolution target (60 business min): no first-reply SLA (the low/web rule's 1,440 is
    # not used); by the end of Wednesday it is 240 business minutes old > 60 -> breached.
    t4 = tickets(with_tables[0])["T4"]
    assert (t4["sla_policy_source"], t4["sla_policy_id"], t4["is_sla_in_business_hours"]) == (
        "ticket_policy", "P-NO-FIRST", True)
    assert (t4["first_reply_target_minutes"], t4["is_first_reply_sla_in_business_hours"],
            t4["is_first_reply_sla_breached"], t4["is_open_breach"]) == (None, None, None, False)
    assert (t4["resolution_target_minutes"], t4["is_resolution_sla_breached"]) == (60, True)


def test_without_the_optional_tables_every_ticket_keeps_its_priority_channel_rule(with_tables, without_tables):
    database, log = without_tables
    for table in TABLES:
        assert f"cx-metrics notice: optional raw table {table} not found" in log
    without = tickets(database)
    assert {ticket["sla_policy_source"] for ticket in without.values()} == {"priority_channel"}
    assert {ticket_id for ticket_id, ticket in without.items() if ticket["sla_policy_id"]} == set()
    # T2 had no policy; all the rows of T3 and T5 were quarantined: the same row either way.
    with_ = tickets(with_tables[0])
    for ticket_id in ["T2", "T3", "T5"]:
        assert with_[ticket_id] == without[ticket_id], ticket_id
    # T1 under its (priority, channel) rule normal/email: 480 / 960 / 2,880, all business.
    assert (without["T1"]["first_reply_target_minutes"], without["T1"]["is_sla_in_business_hours"],
            without["T1"]["is_resolution_sla_in_business_hours"]) == (480, True, True)
