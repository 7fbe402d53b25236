"""Source freshness (`dbt source freshness`) on user data whose load column is text.

The raw tables get a text _loaded_at (as a CSV export has it); freshness casts it, and the
vars cx_freshness_warn_after_hours / cx_freshness_error_after_hours set the thresholds.
Reference tables (sla_policies, business_hours, holidays) are not checked.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import duckdb

from conftest import run_dbt

CHECKED = ["customers", "customer_identities", "tickets", "ticket_events", "survey_invitations",
           "survey_responses", "social_posts"]
REFERENCE = ["sla_policies", "business_hours", "holidays"]


def _raw_tables(database, hours_old: dict[str, float]) -> None:
    now = datetime.now(UTC).replace(tzinfo=None)
    with duckdb.connect(str(database)) as connection:
        connection.execute("create schema raw")
        for table in CHECKED + REFERENCE:
            loaded_at = (now - timedelta(hours=hours_old.get(table, 1))).strftime("%Y-%m-%d %H:%M:%S")
            connection.execute(f"create table raw.{table} as select cast(? as varchar) as _loaded_at", [loaded_at])


def _freshness(tmp_path, hours_old):
    database = tmp_path / "fresh.duckdb"
    _raw_tables(database, hours_old)
    result = run_dbt(["source", "freshness", "--vars", "{cx_source: raw}"], database, tmp_path)
    sources = json.loads((tmp_path / "target" / "sources.json").read_text())["results"]
    return result, {r["unique_id"].split(".")[-1]: r["status"] for r in sources}


def test_fresh_sources_pass_and_reference_tables_are_not_checked(tmp_path):
    result, status = _freshness(tmp_path, {})
    assert result.returncode == 0, result.stdout[-3000:]
    assert status == {table: "pass" for table in CHECKED}


def test_stale_sources_warn_and_error_by_the_threshold_vars(tmp_path):
    # defaults: warn after 24 h, error after 72 h
    result, status = _freshness(tmp_path, {"customers": 30, "tickets": 100})
    assert result.returncode != 0
    assert status["customers"] == "warn"
    assert status["tickets"] == "error"
    assert {status[table] for table in CHECKED if table not in ("customers", "tickets")} == {"pass"}
    assert "ERROR STALE freshness of cx.tickets" in result.stdout
