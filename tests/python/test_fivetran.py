"""The Fivetran Zendesk writer (cx_metrics.generate.fivetran): value mappings and tables on small
hand-made contract tables; expected values worked out by hand in the comments."""

from __future__ import annotations

import csv

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from cx_metrics.generate import fivetran
from cx_metrics.generate.fivetran import (
    SCHEMA,
    agent_user_ids,
    csat_ratings,
    id_digits,
    to_fivetran_zendesk,
    via_channels,
    week_minutes,
    write_fivetran_zendesk,
    zendesk_time_zones,
)
from cx_metrics.generate.zendesk_time_zones import ZENDESK_TIME_ZONES

from conftest import REPO_ROOT


def strings(values: list) -> pd.Series:
    return pd.Series(values, dtype="string")


def table(rows: list[dict]) -> pa.Table:
    """A contract table of string columns from rows (None = null)."""
    columns = list(rows[0])
    return pa.table({name: pa.array([row.get(name) for row in rows], type=pa.string()) for name in columns})


def test_id_digits_are_the_trailing_number():
    assert id_digits(strings(["T0000001", "C000252", None, "no digits"])).tolist() == [1, 252, pd.NA, pd.NA]


def test_agent_user_ids_keep_prefixes_apart():
    # 1000000000 x the prefix's number (A = 1, B = 2, S = 19, AA = 26 + 1) + the digits: agent A001,
    # bot B001 and system user S001 share their digits but are three users
    agent_ids = strings(["A016", "A001", "B001", "S001", "AA3", None])
    assert agent_user_ids(agent_ids).tolist() == [
        1_000_000_016, 1_000_000_001, 2_000_000_001, 19_000_000_001, 27_000_000_003, pd.NA]


def test_week_minutes_count_from_sunday_midnight():
    # Monday 09:00 = 1 day + 9 h = 1440 + 540; Sunday (ISO 7 = Zendesk day 0) 10:00 = 600;
    # Saturday 24:00 = 6 days + 24 h = the end of the week, 10080
    days, times = strings(["1", "7", "6"]), strings(["09:00:00", "10:00", "24:00"])
    assert week_minutes(days, times).tolist() == [1980, 600, 10080]


def test_csat_scores_become_zendesk_ratings():
    # 4-5 good, 1-3 bad, no answer offered, an unreadable score passes unchanged
    scores = strings(["5", "4", "3", "1", None, "five"])
    assert csat_ratings(scores).tolist() == ["good", "good", "bad", "bad", "offered", "five"]


def test_channels_and_zones_map_and_unknown_values_pass():
    assert via_channels(strings(["phone", "social", "email", "pigeon"])).tolist() == [
        "voice", "twitter", "email", "pigeon"]
    assert zendesk_time_zones(strings(["America/New_York", "Europe/London", "Mars/Olympus"])).tolist() == [
        "Eastern Time (US & Canada)", "London", "Mars/Olympus"]


def test_the_time_zone_seed_is_the_python_list():
    with (REPO_ROOT / "seeds" / "reference" / "zendesk_time_zones.csv").open(newline="") as handle:
        rows = [tuple(row) for row in csv.reader(handle)]
    assert rows[0] == ("zendesk_time_zone", "iana_time_zone")
    assert rows[1:] == list(ZENDESK_TIME_ZONES)
    assert ("Eastern Time (US & Canada)", "America/New_York") in rows


LOADED = "2026-01-01 00:00:00"


@pytest.fixture
def v1_world() -> dict[str, pa.Table]:
    """One customer, one ticket of agent A016 with five events, one CSAT survey, NPS, hours."""
    customers = table([{"customer_id": "C000252", "segment": "smb", "region": "amer",
                        "signup_at": "2025-01-01 09:00:00", "churned_at": None, "annual_revenue": "10.50",
                        "email": "c@example.com", "is_incentivized": "false", "_loaded_at": LOADED}])
    tickets = table([{"ticket_id": "T0000007", "customer_id": "C000252", "channel": "phone", "priority": "high",
                      "created_at": "2026-01-05 10:00:00", "subject": "Help", "assignee_id": "A016",
                      "group_name": "billing", "via_social_post_id": None, "_loaded_at": LOADED}])
    event = {"ticket_id": "T0000007", "is_public": "true", "status": None, "_loaded_at": LOADED}
    events = table([
        {**event, "event_id": "E01", "event_at": "2026-01-05 10:00:00", "actor_type": "system",
         "event_type": "status_change", "is_public": "false", "status": "new"},
        {**event, "event_id": "E02", "event_at": "2026-01-05 10:00:00", "actor_type": "customer",
         "event_type": "comment"},
        {**event, "event_id": "E03", "event_at": "2026-01-05 10:30:00", "actor_type": "agent",
         "event_type": "comment"},
        {**event, "event_id": "E04", "event_at": "2026-01-05 10:30:00", "actor_type": "agent",
         "event_type": "status_change", "is_public": "false", "status": "pending"},
        {**event, "event_id": "E05", "event_at": "2026-01-05 10:30:00", "actor_type": "agent",
         "event_type": "status_change", "is_public": "false", "status": "solved"},
        {**event, "event_id": "E06", "event_at": "2026-01-05 10:31:00", "actor_type": "customer",
         "event_type": "tweet"},
    ])
    invitations = table([
        {"invitation_id": "SI0000003", "customer_id": "C000252", "ticket_id": "T0000007", "survey_type": "csat",
         "channel": "email", "sent_at": "2026-01-06 10:00:00", "_loaded_at": LOADED},
        {"invitation_id": "SI0000004", "customer_id": "C000252", "ticket_id": None, "survey_type": "nps",
         "channel": "email", "sent_at": "2026-01-06 10:00:00", "_loaded_at": LOADED}])
    responses = table([
        {"response_id": "SR0000009", "invitation_id": "SI0000003", "customer_id": "C000252", "ticket_id": "T0000007",
         "survey_type": "csat", "score": "2", "comment": "slow", "responded_at": "2026-01-06 11:00:00",
         "followed_up_at": None, "_loaded_at": LOADED}])
    hours = table([{"day_of_week": str(day), "start_time": "09:00:00", "end_time": "17:00:00",
                    "timezone": "America/New_York", "_loaded_at": LOADED} for day in (1, 2)])
    holidays = table([{"holiday_date": "2026-01-19", "holiday_name": "MLK Day", "_loaded_at": LOADED}])
    identities = table([{"platform": "twitter", "handle": "@c252", "customer_id": "C000252", "_loaded_at": LOADED}])
    return {"customers": customers, "tickets": tickets, "ticket_events": events, "survey_invitations": invitations,
            "survey_responses": responses, "business_hours": hours, "holidays": holidays,
            "customer_identities": identities}


def rows(result: fivetran.FivetranZendesk, name: str) -> list[dict]:
    return result.tables[name].to_pylist()


def test_v1_world_tickets_users_and_events(v1_world):
    result = to_fivetran_zendesk(v1_world)
    assert result.tables["ticket"].schema == SCHEMA["ticket"]
    [ticket] = rows(result, "ticket")
    # status: the last status change (solved at 10:30, after pending in the same second)
    assert (ticket["id"], ticket["requester_id"], ticket["assignee_id"], ticket["via_channel"], ticket["status"]) == (
        7, 252, 1_000_000_016, "voice", "solved")
    assert ticket["group_id"] == 1  # billing, the only group
    roles = {user["id"]: user["role"] for user in rows(result, "user")}
    # no agent action without a known agent, so no fallback agent
    assert roles == {252: "end-user", 1_000_000_016: "agent"}
    # comments: the customer's by the requester, the agent's by the assignee
    assert [(c["id"], c["user_id"], c["public"]) for c in rows(result, "ticket_comment")] == [
        (2, 252, True), (3, 1_000_000_016, True)]
    # field history: new by the system (-1); pending and solved in the same second -> solved only
    assert [(h["field_name"], h["value"], h["user_id"]) for h in rows(result, "ticket_field_history")] == [
        ("status", "new", -1), ("status", "solved", 1_000_000_016)]
    assert result.skipped["ticket_events"] == 1  # the tweet
    assert result.skipped["status_changes_in_the_same_second"] == 1


def test_v1_world_surveys_schedules_and_contract_tables(v1_world):
    result = to_fivetran_zendesk(v1_world)
    # the CSAT invitation with its answer 2 -> one rating, bad; the NPS invitation is left out
    [rating] = rows(result, "satisfaction_rating")
    assert (rating["id"], rating["ticket_id"], rating["requester_id"], rating["score"], rating["comment"]) == (
        3, 7, 252, "bad", "slow")
    assert result.skipped["surveys"] == 1
    # Monday and Tuesday 09:00-17:00 New York -> one schedule, id 1, intervals from Sunday 00:00
    intervals = rows(result, "schedule")
    assert [(i["id"], i["time_zone"], i["start_time"], i["end_time"]) for i in intervals] == [
        (1, "Eastern Time (US & Canada)", 1980, 2460), (1, "Eastern Time (US & Canada)", 3420, 3900)]
    [holiday] = rows(result, "schedule_holiday")
    assert (holiday["schedule_id"], holiday["name"], str(holiday["start_date"]), str(holiday["end_date"])) == (
        1, "MLK Day", "2026-01-19", "2026-01-19")
    assert rows(result, "time_zone") == [{"time_zone": "Eastern Time (US & Canada)", "standard_offset": "-05:00"}]
    # contract-only tables keep their shape, customer ids as user ids
    assert result.contract_tables["customer_identities"].column("customer_id").to_pylist() == ["252"]
    assert "ticket_schedule" not in result.tables and "ticket_sla_policy" not in result.tables


def test_v2_tables_are_written_when_present(v1_world):
    world = dict(v1_world)
    world["business_hours"] = table([
        {"schedule_id": None, "day_of_week": "1", "start_time": "09:00", "end_time": "17:00", "timezone": None,
         "_loaded_at": LOADED},
        {"schedule_id": "emea", "day_of_week": "7", "start_time": "22:00", "end_time": "24:00", "timezone": None,
         "_loaded_at": LOADED}])
    world["schedules"] = table([
        {"schedule_id": "emea", "name": "EMEA", "timezone": "Europe/London", "_loaded_at": LOADED},
        {"schedule_id": "default", "name": "US", "timezone": "America/New_York", "_loaded_at": LOADED}])
    world["holidays"] = table([{"schedule_id": None, "start_date": "2026-12-24", "end_date": "2026-12-26",
                                "name": "Christmas", "_loaded_at": LOADED}])
    world["ticket_schedules"] = table([{"ticket_id": "T0000007", "schedule_id": "emea",
                                        "valid_from": "2026-01-05 10:15:00", "_loaded_at": LOADED}])
    world["ticket_sla_policies"] = table([{"ticket_id": "T0000007", "policy_id": "P-gold",
                                           "applied_at": "2026-01-05 10:00:00", "_loaded_at": LOADED}])
    world["sla_policy_targets"] = table([
        {"policy_id": "P-gold", "priority": "high", "metric": metric, "target_minutes": "60",
         "in_business_hours": "true", "_loaded_at": LOADED} for metric in ("first_reply", "resolution")])
    events = v1_world["ticket_events"].to_pylist()
    events.append({**events[2], "event_id": "E07", "event_at": "2026-01-05 10:40:00", "event_type": "assignment",
                   "is_public": "false", "actor_id": "A020", "assignee_id": "A020", "group_name": "technical"})
    world["ticket_events"] = pa.Table.from_pylist(
        [{**{"actor_id": None, "assignee_id": None, "group_name": None}, **event} for event in events])

    result = to_fivetran_zendesk(world)
    # the default schedule (rows without schedule_id) is 1 although listed second, then emea;
    # Sunday 22:00-24:00 = 1320-1440
    schedule = {(s["id"], s["name"], s["time_zone"], s["start_time"], s["end_time"]) for s in rows(result, "schedule")}
    assert schedule == {(1, "US", "Eastern Time (US & Canada)", 1980, 2460), (2, "EMEA", "London", 1320, 1440)}
    # a holiday of every schedule is a holiday of each
    assert sorted((h["schedule_id"], str(h["end_date"])) for h in rows(result, "schedule_holiday")) == [
        (1, "2026-12-26"), (2, "2026-12-26")]
    assert [(s["ticket_id"], s["schedule_id"]) for s in rows(result, "ticket_schedule")] == [(7, 2)]
    assert [(p["ticket_id"], p["sla_policy_id"]) for p in rows(result, "ticket_sla_policy")] == [(7, 1)]
    assert [(m["metric"], m["target"], m["business_hours"]) for m in rows(result, "sla_policy_metric_history")] == [
        ("first_reply_time", 60, True), ("total_resolution_time", 60, True)]
    # the assignment: assignee A020 (user 1000000020) and group technical (2, after billing)
    assignment = [(h["field_name"], h["value"]) for h in rows(result, "ticket_field_history")
                  if h["field_name"] != "status"]
    assert assignment == [("assignee_id", "1000000020"), ("group_id", "2")]


def test_written_files_keep_the_zendesk_types(v1_world, tmp_path):
    result = to_fivetran_zendesk(v1_world)
    write_fivetran_zendesk(result, tmp_path / "csv", "csv")
    write_fivetran_zendesk(result, tmp_path / "parquet", "parquet")
    # Parquet keeps the types (timestamps in its finest unit, milliseconds)
    parquet = pq.read_schema(tmp_path / "parquet" / "ticket.parquet")
    assert parquet.names == SCHEMA["ticket"].names
    assert (parquet.field("id").type, parquet.field("is_public").type) == (pa.int64(), pa.bool_())
    assert pa.types.is_timestamp(parquet.field("created_at").type)
    with duckdb.connect() as connection:
        types = dict(connection.execute(
            "select column_name, column_type from (describe select * from read_csv(?))",
            [str(tmp_path / "csv" / "ticket.csv")]).fetchall())
    assert (types["id"], types["created_at"], types["is_public"]) == ("BIGINT", "TIMESTAMP", "BOOLEAN")
    assert (tmp_path / "csv" / "cx" / "customer_identities.csv").is_file()


def test_generate_script_writes_the_fivetran_shape(tmp_path):
    import subprocess
    import sys

    result = subprocess.run([sys.executable, str(REPO_ROOT / "scripts" / "generate_data.py"), "--seed", "3",
                             "--tickets", "300", "--format", "fivetran_zendesk", "--file-format", "parquet",
                             "--out", str(tmp_path)], cwd=REPO_ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    written = {path.name for path in tmp_path.glob("*.parquet")}
    assert {"ticket.parquet", "ticket_comment.parquet", "user.parquet", "schedule.parquet"} <= written
    tickets = pq.read_table(tmp_path / "ticket.parquet")
    assert tickets.schema.field("id").type == pa.int64()
    assert tickets.num_rows >= 300
    assert (tmp_path / "cx" / "sla_policies.parquet").is_file()
    assert (tmp_path / "generator_params.json").is_file()
