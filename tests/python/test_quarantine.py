"""Bad raw rows are quarantined with their rule and column, and none is lost.

The fixture tests/fixtures/quarantine/ holds small raw tables (all text, as a CSV load gives)
with at least one row breaking each data rule, next to clean rows; expected_rejections.csv lists
every row that must be rejected, with its reason and column, and expected_field_findings.csv
every bad value of an optional column that is nulled in a row that is kept.
"""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import pytest

from conftest import REPO_ROOT, load_csv_dir_as_raw, run_dbt

FIXTURE = REPO_ROOT / "tests" / "fixtures" / "quarantine"

# How a rejected row is identified in each table's quarantine model.
ROW_KEY = {
    "customers": "customer_id",
    "customer_identities": "handle",
    "tickets": "ticket_id",
    "ticket_events": "event_id",
    "survey_invitations": "invitation_id",
    "survey_responses": "response_id",
    "social_posts": "post_id",
    "sla_policies": "priority || '|' || channel",
    "schedules": "schedule_id",
    "sla_policy_targets": "policy_id || '|' || priority || '|' || metric",
    "ticket_sla_policies": "ticket_id || '|' || applied_at",
    "business_hours": "day_of_week",
    "holidays": "holiday_date",
    "ticket_schedules": "ticket_id || '|' || schedule_id",
    "agents": "agent_id",
}


@pytest.fixture(scope="module")
def quarantine_build(tmp_path_factory) -> Path:
    work_dir = tmp_path_factory.mktemp("quarantine")
    database = work_dir / "quarantine.duckdb"
    raw_dir = work_dir / "raw"
    raw_dir.mkdir()
    for path in FIXTURE.glob("*.csv"):
        if path.stem != "expected_rejections":
            (raw_dir / path.name).write_bytes(path.read_bytes())
    load_csv_dir_as_raw(raw_dir, database)
    result = run_dbt(
        ["run", "--select", "+mart_quarantine_summary", "+mart_source_reconciliation",
         "--vars", "{cx_source: raw}"],
        database, work_dir,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return database


def expected_rejections() -> list[dict[str, str]]:
    with open(FIXTURE / "expected_rejections.csv", newline="") as handle:
        return list(csv.DictReader(handle))


def rejected_rows(database: Path, table: str) -> list[tuple[str | None, str, str]]:
    with duckdb.connect(str(database), read_only=True) as connection:
        return connection.execute(
            f"select {ROW_KEY[table]}, reject_reason, rejected_column from main_quarantine.{table}_rejected"
        ).fetchall()


def expected_field_findings() -> list[dict[str, str]]:
    with open(FIXTURE / "expected_field_findings.csv", newline="") as handle:
        return list(csv.DictReader(handle))


def test_fixture_covers_every_rule():
    rules = {row["reject_reason"] for row in expected_rejections()}
    assert rules == {
        "null_key", "missing_required", "unparseable_value", "unknown_enum", "unknown_timezone", "out_of_range",
        "implausible_timestamp", "self_reference", "timestamp_out_of_order", "duplicate_key", "orphan_reference",
    }
    field_rules = {row["reject_reason"] for row in expected_field_findings()}
    assert field_rules == {"unparseable_value", "out_of_range", "timestamp_out_of_order"}


def test_bad_optional_values_are_nulled_not_quarantined(quarantine_build):
    with duckdb.connect(str(quarantine_build), read_only=True) as connection:
        found = connection.execute(
            "select source_table, row_key, rejected_column, reject_reason, rejected_value "
            "from main_quarantine.field_values_rejected"
        ).fetchall()
        revenue = connection.execute(
            "select customer_id, annual_revenue from main.stg_cx__customers where customer_id in ('C4', 'C6') "
            "order by customer_id").fetchall()
        ticket_of_c6 = connection.execute(
            "select count(*) from main.stg_cx__ticket_events where ticket_id = 'T11'").fetchone()[0]
        event = connection.execute(
            "select is_public, status from main.stg_cx__ticket_events where event_id = 'E8'").fetchone()
    assert sorted(found) == sorted(tuple(row.values()) for row in expected_field_findings())
    # The customer with '$7,000.50' stays, and with it its ticket T11 and that ticket's event.
    assert revenue == [("C4", None), ("C6", None)]
    assert ticket_of_c6 == 1
    assert event == (False, "solved")


@pytest.mark.parametrize("table", list(ROW_KEY))
def test_each_bad_row_lands_in_quarantine_with_its_reason(quarantine_build, table):
    def in_order(rows):
        return sorted(rows, key=lambda row: (row[0] or "", row[1], row[2]))

    expected = [
        (row["key"] or None, row["reject_reason"], row["rejected_column"])
        for row in expected_rejections() if row["source_table"] == table
    ]
    assert in_order(rejected_rows(quarantine_build, table)) == in_order(expected)


def test_no_row_is_lost(quarantine_build):
    with duckdb.connect(str(quarantine_build), read_only=True) as connection:
        rows = connection.execute(
            "select source_table, source_rows, staged_rows, rejected_rows, is_reconciled "
            "from main_marts.mart_source_reconciliation"
        ).fetchall()
    assert len(rows) == len(ROW_KEY)
    for source_table, source_rows, staged_rows, rejected, is_reconciled in rows:
        assert source_rows == staged_rows + rejected, source_table
        assert is_reconciled
        assert source_rows > 0


def test_duplicates_keep_the_latest_loaded_row(quarantine_build):
    with duckdb.connect(str(quarantine_build), read_only=True) as connection:
        ticket = connection.execute("select subject from main.stg_cx__tickets where ticket_id = 'T1'").fetchall()
        customer = connection.execute(
            "select email, annual_revenue from main.stg_cx__customers where customer_id = 'C1'"
        ).fetchall()
        policy = connection.execute(
            "select first_reply_target_minutes from main.stg_cx__sla_policies "
            "where priority = 'normal' and channel = 'email'"
        ).fetchall()
    assert ticket == [("Login broken",)]
    assert customer == [("c1@example.com", 1200.5)]
    assert policy == [(480,)]


def test_clean_rows_are_staged_typed_and_normalised(quarantine_build):
    with duckdb.connect(str(quarantine_build), read_only=True) as connection:
        channel, created_at = connection.execute(
            "select channel, created_at from main.stg_cx__tickets where ticket_id = 'T1'"
        ).fetchone()
        survey_type, score = connection.execute(
            "select survey_type, score from main.stg_cx__survey_responses where response_id = 'R2'"
        ).fetchone()
        orphan_reply = connection.execute(
            "select in_reply_to_post_id from main.stg_cx__social_posts where post_id = 'P4'"
        ).fetchone()
    assert channel == "email"
    assert str(created_at) == "2026-03-02 10:00:00"
    assert (survey_type, score) == ("nps", 3)
    assert orphan_reply == ("P0",)  # replies to a missing parent are kept (flagged downstream)


def test_a_whole_number_with_a_zero_fraction_is_an_integer(quarantine_build):
    with duckdb.connect(str(quarantine_build), read_only=True) as connection:
        score = connection.execute(
            "select score from main.stg_cx__survey_responses where response_id = 'R9'").fetchall()
    assert score == [(4,)]  # '4.0'; '7.5' (R10) is unparseable


def test_agents_and_assignments_are_staged(quarantine_build):
    with duckdb.connect(str(quarantine_build), read_only=True) as connection:
        agents = connection.execute(
            "select agent_id, agent_name, role, is_active from main.stg_cx__agents order by agent_id").fetchall()
        assignments = connection.execute(
            "select event_id, event_type, actor_id, assignee_id, group_name from main.stg_cx__ticket_events "
            "where event_id in ('E12', 'E13') order by event_id").fetchall()
    # A1: the later of two loads; A2: no role = agent, 'maybe' nulled; BOT: role matched case-insensitively.
    assert agents == [("A1", "Ann", "agent", True), ("A2", "Bob", "agent", None), ("BOT", "Answer bot", "bot", False)]
    # An assignment needs nothing more; a null assignee means unassigned.
    assert assignments == [("E12", "assignment", None, "A1", "billing"), ("E13", "assignment", "A1", None, None)]
