"""The Fivetran Zendesk route end to end: the demo world written as Fivetran's Zendesk tables
(cx_metrics.generate.fivetran), loaded into schema zendesk of a DuckDB file, built with
cx_input_format: fivetran_zendesk, gives the native demo build's ticket metrics and its agent and
group performance marts.

Ids change form on the way (T0000001 -> '1', C000252 -> '252', A016 -> '1000000016', SLA policy
'enterprise' -> '1'), so rows are matched on the number of the ticket id and the other ids are
compared through the writer's mapping. has_quarantined_events is route-specific: the one
demo event Zendesk has no place for (event_type 'tweet', quarantined natively) is left out by the
writer. Two values planted here must land in quarantine: a via_channel without mapping and a
schedule in a time zone Zendesk's list does not know.
"""

from __future__ import annotations

import hashlib
import hmac
import math
from decimal import Decimal
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pa_csv
import pytest

from cx_metrics.generate.fivetran import (
    AGENT_USER_ID_OFFSET,
    agent_user_ids,
    to_fivetran_zendesk,
    write_fivetran_zendesk,
)

from conftest import REPO_ROOT, copy_database, run_dbt

SEEDS = REPO_ROOT / "seeds"
BAD_TICKET_ID = 990001  # planted here: via_channel 'fax', which var cx_fivetran_zendesk_channels does not map
BAD_SCHEDULE_ID = 99  # planted here: time zone 'Atlantis Standard Time'
#: the key the native demo build hashes agent ids with (cx_pii_hash_key), so both routes hash alike
DEMO_HASH_KEY = "cx-metrics-demo"
VARS = "{cx_input_format: fivetran_zendesk, cx_fivetran_zendesk_schema: zendesk, cx_source: raw, " \
       f"cx_demo_seeds_enabled: false, cx_pii_hash_key: {DEMO_HASH_KEY}}}"
#: fct_tickets columns that are ids (compared through the writer's mapping) or route-specific
ID_COLUMNS = ("ticket_id", "customer_id", "assignee_id", "sla_policy_id")
ROUTE_SPECIFIC = ("has_quarantined_events",)
TOLERANCE = 1e-6


def demo_contract_tables() -> dict[str, pa.Table]:
    """The committed demo seeds (the native build's raw tables) as string tables."""
    tables = {}
    for path in sorted(SEEDS.glob("*.csv")):
        header = path.read_text().split("\n", 1)[0].split(",")
        options = pa_csv.ConvertOptions(column_types=dict.fromkeys(header, pa.string()),
                                        strings_can_be_null=True)
        tables[path.stem] = pa_csv.read_csv(path, convert_options=options)
    return tables


@pytest.fixture(scope="module")
def route(tmp_path_factory):
    """(the Fivetran route's DuckDB file, the writer's result) after the build."""
    work_dir = tmp_path_factory.mktemp("fivetran_route")
    result = to_fivetran_zendesk(demo_contract_tables())
    write_fivetran_zendesk(result, work_dir / "files", "parquet")
    database = work_dir / "fivetran.duckdb"
    with duckdb.connect(str(database)) as connection:
        connection.execute("create schema zendesk")
        connection.execute("create schema raw")
        for path in sorted((work_dir / "files").glob("*.parquet")):
            connection.execute(f'create table zendesk."{path.stem}" as select * from read_parquet(?)', [str(path)])
        for path in sorted((work_dir / "files" / "cx").glob("*.parquet")):
            connection.execute(f'create table raw."{path.stem}" as select * from read_parquet(?)', [str(path)])
        connection.execute(
            "insert into zendesk.ticket (id, created_at, updated_at, subject, priority, status, requester_id,"
            " via_channel, is_public, _fivetran_deleted, _fivetran_synced)"
            f" select {BAD_TICKET_ID}, created_at, updated_at, 'Sent by fax', 'normal', 'new', requester_id,"
            " 'fax', true, false, _fivetran_synced from zendesk.ticket where id = 1")
        connection.execute(
            "insert into zendesk.schedule (id, name, time_zone, start_time, end_time, created_at,"
            " _fivetran_deleted, _fivetran_synced)"
            f" select {BAD_SCHEDULE_ID}, 'Atlantis', 'Atlantis Standard Time', 600, 660, created_at, false,"
            " _fivetran_synced from zendesk.schedule limit 1")
    build = run_dbt(["build", "--vars", VARS, "--indirect-selection", "cautious", "--select",
                     "+fct_tickets +mart_source_reconciliation +mart_quarantine_summary +mart_agent_performance"
                     " +mart_group_performance"], database, work_dir)
    assert build.returncode == 0, build.stdout[-5000:] + build.stderr
    return database, result


def read(database: Path, sql: str) -> list[dict]:
    with duckdb.connect(str(database), read_only=True) as connection:
        cursor = connection.execute(sql)
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def number(text: str | None) -> int | None:
    """The number of an id ('T0000001' -> 1, '1000000016' -> 1000000016)."""
    if text is None:
        return None
    digits = "".join(character for character in text if character.isdigit())
    return int(digits) if digits else None


def same(native, fivetran) -> bool:
    if native is None or fivetran is None:
        return native is None and fivetran is None
    if isinstance(native, (float, Decimal)) or isinstance(fivetran, (float, Decimal)):
        return math.isclose(float(native), float(fivetran), rel_tol=0, abs_tol=TOLERANCE)
    return native == fivetran


def test_every_ticket_metric_matches_the_native_build(route, demo_database):
    database, result = route
    policy_numbers = result.numbers["sla_policy"]
    native = {number(row["ticket_id"]): row for row in read(demo_database, "select * from main_marts.fct_tickets")}
    fivetran = {int(row["ticket_id"]): row for row in read(database, "select * from main_marts.fct_tickets")}
    assert len(native) > 1000
    assert set(fivetran) == set(native)

    differences = []
    for ticket, native_row in native.items():
        fivetran_row = fivetran[ticket]
        assert set(fivetran_row) == set(native_row)
        for column, native_value in native_row.items():
            if column in ID_COLUMNS or column in ROUTE_SPECIFIC:
                continue
            if not same(native_value, fivetran_row[column]):
                differences.append((ticket, column, native_value, fivetran_row[column]))
        # ids: the same numbers; an agent is a Zendesk user, numbered after the customers
        assert number(native_row["customer_id"]) == number(fivetran_row["customer_id"])
        native_assignee = number(native_row["assignee_id"])
        expected_assignee = None if native_assignee is None else native_assignee + AGENT_USER_ID_OFFSET
        assert expected_assignee == number(fivetran_row["assignee_id"])
        # an SLA policy is numbered 1, 2, ... by the writer
        native_policy = native_row["sla_policy_id"]
        expected_policy = None if native_policy is None else str(policy_numbers[native_policy])
        assert expected_policy == fivetran_row["sla_policy_id"]
    assert differences == []


def test_only_the_left_out_event_changes_the_quarantine_flag(route, demo_database):
    database, result = route
    assert result.skipped["ticket_events"] == 1  # the planted event_type 'tweet'
    native = {number(row["ticket_id"]): row["has_quarantined_events"]
              for row in read(demo_database, "select ticket_id, has_quarantined_events from main_marts.fct_tickets")}
    fivetran = {int(row["ticket_id"]): row["has_quarantined_events"]
                for row in read(database, "select ticket_id, has_quarantined_events from main_marts.fct_tickets")}
    changed = [ticket for ticket in native if native[ticket] != fivetran[ticket]]
    assert len(changed) == 1
    assert native[changed[0]] and not fivetran[changed[0]]


def test_row_counts_reconcile_with_the_native_build(route, demo_database):
    database, result = route
    reconciliation = "select * from main_marts.mart_source_reconciliation"
    native = {row["source_table"]: row for row in read(demo_database, reconciliation)}
    fivetran = {row["source_table"]: row for row in read(database, reconciliation)}
    assert all(row["is_reconciled"] for row in fivetran.values())
    # the same customers; the tickets plus the one planted here; the same staged tickets
    assert fivetran["customers"]["source_rows"] == native["customers"]["source_rows"]
    assert fivetran["tickets"]["source_rows"] == native["tickets"]["source_rows"] + 1
    assert fivetran["tickets"]["staged_rows"] == native["tickets"]["staged_rows"]
    # events: Zendesk keeps one status per ticket and second, and has no place for the 'tweet'
    left_out = result.skipped["ticket_events"] + result.skipped["status_changes_in_the_same_second"]
    assert fivetran["ticket_events"]["source_rows"] == native["ticket_events"]["source_rows"] - left_out
    assert fivetran["ticket_events"]["staged_rows"] == native["ticket_events"]["staged_rows"] - (
        result.skipped["status_changes_in_the_same_second"])
    # the schedules: the native business hours (the interval planted here is quarantined); a
    # holiday of every schedule (no schedule_id) is one schedule_holiday row per schedule in Zendesk
    assert fivetran["business_hours"]["staged_rows"] == native["business_hours"]["staged_rows"]
    every_schedule = sum(1 for schedule_id in demo_contract_tables()["holidays"].column("schedule_id").to_pylist()
                         if schedule_id is None)
    extra_copies = every_schedule * (len(result.numbers["schedule"]) - 1)
    assert fivetran["holidays"]["staged_rows"] == native["holidays"]["staged_rows"] + extra_copies


def agent_key(agent_id: str) -> str:
    """mart_agent_performance.agent_key of an agent id (cx_hash: HMAC-SHA256 under the demo key)."""
    return hmac.new(DEMO_HASH_KEY.encode(), agent_id.encode(), hashlib.sha256).hexdigest()


@pytest.mark.parametrize(("mart", "key"), [("mart_agent_performance", "agent_key"),
                                           ("mart_group_performance", "group_name")])
def test_agent_and_group_marts_match_the_native_build(route, demo_database, mart, key):
    # agent keys hash different ids on the two routes (A016 natively, user 1000000016 here): a
    # native key is matched to the key of the same agent's Zendesk user id
    database, _ = route
    agent_ids = pd.Series(sorted(set(demo_contract_tables()["agents"].column("agent_id").to_pylist())), dtype="string")
    fivetran_key_of = {agent_key(agent_id): agent_key(str(user_id))
                       for agent_id, user_id in zip(agent_ids, agent_user_ids(agent_ids), strict=True)}
    native = read(demo_database, f"select * from main_marts.{mart}")
    fivetran = {(row["period_type"], row["period_start"], row[key]): row
                for row in read(database, f"select * from main_marts.{mart}")}
    assert len(native) > 100
    assert len(fivetran) == len(native)

    differences = []
    for native_row in native:
        native_key = native_row[key]
        route_key = fivetran_key_of[native_key] if key == "agent_key" else native_key
        fivetran_row = fivetran[(native_row["period_type"], native_row["period_start"], route_key)]
        differences += [(native_row["period_start"], column, value, fivetran_row[column])
                        for column, value in native_row.items()
                        if column != key and not same(value, fivetran_row[column])]
    assert differences == []


def test_unmappable_values_land_in_quarantine(route):
    database, _ = route
    tickets = read(database, "select ticket_id, channel, reject_reason, rejected_column"
                             f" from main_quarantine.tickets_rejected where ticket_id = '{BAD_TICKET_ID}'")
    assert tickets == [{"ticket_id": str(BAD_TICKET_ID), "channel": "fax", "reject_reason": "unknown_enum",
                        "rejected_column": "channel"}]
    hours = read(database, "select timezone, reject_reason, rejected_column"
                           " from main_quarantine.business_hours_rejected")
    assert hours == [{"timezone": "Atlantis Standard Time", "reject_reason": "unknown_timezone",
                      "rejected_column": "timezone"}]


def test_schedule_intervals_become_business_hours_per_day(route, tmp_path):
    # The input models are views: on a copy of the built database, two more Zendesk schedules
    # read straight through fivetran_zendesk__business_hours. Minutes count from Sunday 00:00:
    #   97  0-10080 (24/7)                  -> every day 00:00-24:00, Sunday = ISO 7
    #   98  2760-3240 = Monday 22:00 to Tuesday 06:00 -> (1, 22:00-24:00), (2, 00:00-06:00)
    database, _ = route
    copy = copy_database(database, tmp_path)
    with duckdb.connect(str(copy)) as connection:
        connection.execute(
            "insert into zendesk.schedule (id, name, time_zone, start_time, end_time, _fivetran_deleted) values"
            " (97, 'Always', 'UTC', 0, 10080, false),"
            " (98, 'Night', 'Eastern Time (US & Canada)', 2760, 3240, false)")
        hours = connection.execute(
            "select schedule_id, day_of_week, start_time, end_time, timezone from main.fivetran_zendesk__business_hours"
            " where schedule_id in ('97', '98') order by schedule_id, day_of_week").fetchall()
    assert hours == [("97", day, "00:00", "24:00", "Etc/UTC") for day in range(1, 8)] + [
        ("98", 1, "22:00", "24:00", "America/New_York"), ("98", 2, "00:00", "06:00", "America/New_York")]
