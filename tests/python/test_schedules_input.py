"""Contract v2 schedules (docs/source_contract.md "Schedules"): v1 data stages as before, v2 data
as specified, and bad rows are quarantined with their reason, nothing lost.

tests/fixtures/schedules/ holds the required tables (common/: one customer, tickets T1 and T2 with
an event each) and two sets of reference tables, each built on its own DuckDB file:

  v1  business_hours with a timezone and no schedule_id, holidays with holiday_date and
      holiday_name, no schedules or ticket_schedules: one schedule, the default one, and the v1
      quarantine reasons (an unknown zone, an unparseable holiday_date)
  v2  schedules, business_hours with schedule_id and timezone null or their own, holidays with
      schedule_id, start_date, end_date, name (and one row still in the v1 columns), and
      ticket_schedules; bad rows next to good ones

expected_rejections.csv lists every row that must be quarantined, with its reason and column.
"""

from __future__ import annotations

import csv
import datetime
import shutil
from pathlib import Path

import duckdb
import pytest

from conftest import REPO_ROOT, load_csv_dir_as_raw, run_dbt

FIXTURE = REPO_ROOT / "tests" / "fixtures" / "schedules"
TABLES = ["schedules", "business_hours", "holidays", "ticket_schedules"]

# How a rejected row is identified in each quarantine model (the columns as received).
ROW_KEY = {
    "schedules": "schedule_id",
    "business_hours": "coalesce(schedule_id || '|', '') || day_of_week",
    "holidays": "coalesce(schedule_id || '|', '') || coalesce(start_date, holiday_date, '')",
    "ticket_schedules": "ticket_id || '|' || valid_from",
}


def build(tmp_path_factory, name: str) -> Path:
    work_dir = tmp_path_factory.mktemp(f"schedules_{name}")
    raw_dir = work_dir / "raw"
    raw_dir.mkdir()
    for folder in ["common", name]:
        for path in (FIXTURE / folder).glob("*.csv"):
            shutil.copyfile(path, raw_dir / path.name)
    database = work_dir / f"{name}.duckdb"
    load_csv_dir_as_raw(raw_dir, database)
    # The staged models with their data tests, the quarantine and the reconciliation counts.
    result = run_dbt(
        ["build", "--select", *(f"+stg_cx__{table}" for table in TABLES), *(f"+{table}_rejected" for table in TABLES),
         "+mart_source_reconciliation", "--indirect-selection", "cautious", "--exclude", "resource_type:unit_test",
         "--vars", "{cx_source: raw, cx_demo_seeds_enabled: false}"],
        database, work_dir,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr
    return database


@pytest.fixture(scope="module")
def v1_build(tmp_path_factory) -> Path:
    return build(tmp_path_factory, "v1")


@pytest.fixture(scope="module")
def v2_build(tmp_path_factory) -> Path:
    return build(tmp_path_factory, "v2")


def query(database: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(database), read_only=True) as connection:
        return connection.execute(sql).fetchall()


def rejected_rows(database: Path) -> set[tuple]:
    found = set()
    for table, key in ROW_KEY.items():
        found |= {(table, *row) for row in query(
            database, f"select {key}, reject_reason, rejected_column from main_quarantine.{table}_rejected")}
    return found


def expected_rejections(build_name: str) -> set[tuple]:
    with open(FIXTURE / "expected_rejections.csv", newline="") as handle:
        return {(row["source_table"], row["key"], row["reject_reason"], row["rejected_column"])
                for row in csv.DictReader(handle) if row["build"] == build_name}


def reconciliation(database: Path) -> dict[str, tuple]:
    rows = query(database, "select source_table, source_rows, staged_rows, rejected_rows, is_reconciled "
                           "from main_marts.mart_source_reconciliation")
    return {table: tuple(counts) for table, *counts in rows if table in TABLES}


# ---------------------------------------------------------------- v1: as before


def test_v1_business_hours_are_the_default_schedule(v1_build):
    assert query(v1_build, "select schedule_id, schedule_name, timezone from main.stg_cx__schedules") == [
        ("default", None, "America/New_York")]
    assert query(v1_build, "select schedule_id, day_of_week, start_minute, end_minute, start_time, end_time, "
                           "timezone from main.stg_cx__business_hours order by day_of_week") == [
        ("default", 1, 540, 1020, "09:00", "17:00", "America/New_York"),
        ("default", 2, 540, 1020, "09:00:00", "17:00", "America/New_York"),
    ]


def test_v1_holidays_are_one_day_holidays_of_every_schedule(v1_build):
    assert query(v1_build, "select schedule_id, holiday_start_date, holiday_end_date, holiday_name "
                           "from main.stg_cx__holidays order by holiday_start_date") == [
        (None, datetime.date(2026, 1, 1), datetime.date(2026, 1, 1), "New Year's Day"),
        (None, datetime.date(2026, 12, 25), datetime.date(2026, 12, 25), None),
    ]


def test_v1_bad_rows_keep_their_v1_reasons(v1_build):
    assert rejected_rows(v1_build) == expected_rejections("v1")
    assert query(v1_build, "select count(*) from main.stg_cx__ticket_schedules") == [(0,)]
    # source, staged, rejected, reconciled: the absent tables count nothing
    assert reconciliation(v1_build) == {
        "schedules": (0, 0, 0, True), "business_hours": (3, 2, 1, True), "holidays": (3, 2, 1, True),
        "ticket_schedules": (0, 0, 0, True)}


# ---------------------------------------------------------------- v2: as specified


def test_v2_schedules_include_those_only_business_hours_name(v2_build):
    assert query(v2_build, "select schedule_id, schedule_name, timezone from main.stg_cx__schedules "
                           "order by schedule_id") == [
        ("apac", None, "Australia/Sydney"),      # named by business_hours only, its rows' zone
        ("default", None, "Asia/Tokyo"),         # business_hours rows without schedule_id
        ("eu", "EU support", "Europe/Berlin"),   # the later loaded of two rows
        ("us", "US support", "America/New_York"),
    ]


def test_v2_business_hours_take_their_schedules_zone_unless_they_have_one(v2_build):
    assert query(v2_build, "select schedule_id, day_of_week, start_minute, end_minute, timezone "
                           "from main.stg_cx__business_hours order by schedule_id, day_of_week") == [
        ("apac", 1, 540, 1080, "Australia/Sydney"),
        ("default", 1, 600, 840, "Asia/Tokyo"),
        ("eu", 1, 480, 960, "Europe/Berlin"),    # timezone null: its schedule's
        ("eu", 2, 480, 960, "Europe/London"),    # its own zone wins
        ("us", 1, 540, 1020, "America/New_York"),
    ]


def test_v2_holidays_span_their_dates_and_accept_the_v1_columns(v2_build):
    assert query(v2_build, "select schedule_id, holiday_start_date, holiday_end_date, holiday_name "
                           "from main.stg_cx__holidays order by holiday_start_date") == [
        (None, datetime.date(2026, 1, 1), datetime.date(2026, 1, 1), "New Year's Day"),  # v1 columns
        ("eu", datetime.date(2026, 5, 1), datetime.date(2026, 5, 1), "May Day"),  # holiday_date; name wins
        ("us", datetime.date(2026, 7, 3), datetime.date(2026, 7, 3), "Independence Day (observed)"),
        ("eu", datetime.date(2026, 12, 24), datetime.date(2026, 12, 26), "Christmas"),  # later loaded
    ]


def test_v2_ticket_schedules_point_at_known_schedules(v2_build):
    assert query(v2_build, "select ticket_id, schedule_id, valid_from_at from main.stg_cx__ticket_schedules "
                           "order by ticket_id, valid_from_at") == [
        ("T1", "us", datetime.datetime(2026, 3, 2, 14, 30)),
        ("T1", "eu", datetime.datetime(2026, 3, 5, 12, 0)),
        ("T2", "default", datetime.datetime(2026, 3, 3, 9, 0)),
        ("T2", "apac", datetime.datetime(2026, 3, 4, 0, 0)),
    ]


def test_v2_bad_rows_are_quarantined_with_their_reason(v2_build):
    assert rejected_rows(v2_build) == expected_rejections("v2")


def test_v2_no_row_is_lost(v2_build):
    # source, staged, rejected, reconciled; staged schedules: those listed in raw schedules (us, eu)
    assert reconciliation(v2_build) == {
        "schedules": (5, 2, 3, True), "business_hours": (8, 5, 3, True), "holidays": (7, 4, 3, True),
        "ticket_schedules": (8, 4, 4, True)}
