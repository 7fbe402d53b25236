"""The generated world in the shape of Fivetran's Zendesk Support schema (docs/fivetran_zendesk.md).

:func:`to_fivetran_zendesk` turns the generator's contract tables (string columns, as written to
seeds/) into the tables Fivetran's Zendesk connector syncs, with that schema's column names and
types: integer ids, timestamps, booleans, schedule intervals as minutes from Sunday 00:00 in
the schedule's zone. The tables of contract v2 (schedules, ticket_schedules, agents,
ticket_sla_policies, sla_policy_targets, holidays with ranges, ticket_events with actor_id /
assignee_id / group_name) are used when present and skipped when absent.

Integer ids: an id's trailing digits (T0000001 -> 1, C000252 -> 252, E00000002 -> 2,
SI0000002 -> 2); agents share the user table with customers, so an agent's user id is
AGENT_USER_ID_OFFSET x the number of its letter prefix (A = 1, B = 2, ..) + its digits
(A016 -> 1000000016, bot B001 -> 2000000001). Groups, schedules and SLA policies are
numbered 1, 2, ... (groups by name; the default schedule first, then the schedules table's order;
policies in their order of appearance). A satisfaction rating takes the id of the CSAT
invitation it stands for; a CSAT answer without invitation gets RESPONSE_RATING_ID_OFFSET + the
response's digits.

What Zendesk has no place for is left out and counted in ``FivetranZendesk.skipped``: events of
another type than comment / status_change / assignment, surveys other than ticket CSAT (NPS,
CES, CSAT without ticket). Two status changes of one ticket in the same second are one
ticket_field_history row in Zendesk (its key is ticket, field, time): the later one is kept.
The contract tables Zendesk has no counterpart for (sla_policies, social_posts,
customer_identities) are returned in ``FivetranZendesk.contract_tables``, with their customer ids
as user ids.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

from cx_metrics.generate.zendesk_time_zones import PREFERRED_NAME

AGENT_USER_ID_OFFSET = 1_000_000_000
#: the user id of an agent comment or status change whose agent is unknown (no actor_id, no assignee)
FALLBACK_AGENT_USER_ID = AGENT_USER_ID_OFFSET
#: the user id Zendesk records for automations and triggers (system actor)
SYSTEM_USER_ID = -1
RESPONSE_RATING_ID_OFFSET = 1_000_000_000
DEFAULT_SCHEDULE_ID = "default"  # var cx_default_schedule_id of the project
MINUTES_PER_DAY = 1440

#: contract channel -> Zendesk via_channel (the reverse of the default of var cx_fivetran_zendesk_channels)
VIA_CHANNELS = {"email": "email", "chat": "chat", "phone": "voice", "web": "web", "social": "twitter"}
#: contract SLA metric -> Zendesk SLA metric
SLA_METRICS = {"first_reply": "first_reply_time", "next_reply": "next_reply_time",
               "resolution": "total_resolution_time"}
#: CSAT scores (1-5) that Zendesk's good/bad rating stands for
CSAT_GOOD_FROM = 4

#: the contract tables that stay in the contract shape
CONTRACT_ONLY_TABLES = ("customer_identities", "social_posts", "sla_policies")

TIMESTAMP = pa.timestamp("s")

#: the Fivetran Zendesk tables written, each with its columns and their types
SCHEMA: dict[str, pa.Schema] = {
    "ticket": pa.schema([
        ("id", pa.int64()), ("created_at", TIMESTAMP), ("updated_at", TIMESTAMP), ("subject", pa.string()),
        ("priority", pa.string()), ("status", pa.string()), ("requester_id", pa.int64()),
        ("submitter_id", pa.int64()), ("assignee_id", pa.int64()), ("group_id", pa.int64()),
        ("via_channel", pa.string()), ("is_public", pa.bool_()), ("_fivetran_deleted", pa.bool_()),
        ("_fivetran_synced", TIMESTAMP)]),
    "user": pa.schema([
        ("id", pa.int64()), ("name", pa.string()), ("email", pa.string()), ("role", pa.string()),
        ("active", pa.bool_()), ("suspended", pa.bool_()), ("created_at", TIMESTAMP),
        ("default_group_id", pa.int64()), ("segment", pa.string()), ("region", pa.string()),
        ("churned_at", TIMESTAMP), ("annual_revenue", pa.float64()), ("is_incentivized", pa.bool_()),
        ("_fivetran_deleted", pa.bool_()), ("_fivetran_synced", TIMESTAMP)]),
    "group": pa.schema([
        ("id", pa.int64()), ("name", pa.string()), ("_fivetran_deleted", pa.bool_()),
        ("_fivetran_synced", TIMESTAMP)]),
    "ticket_comment": pa.schema([
        ("id", pa.int64()), ("ticket_id", pa.int64()), ("user_id", pa.int64()), ("created", TIMESTAMP),
        ("public", pa.bool_()), ("_fivetran_deleted", pa.bool_()), ("_fivetran_synced", TIMESTAMP)]),
    "ticket_field_history": pa.schema([
        ("ticket_id", pa.int64()), ("field_name", pa.string()), ("updated", TIMESTAMP),
        ("value", pa.string()), ("user_id", pa.int64()), ("_fivetran_synced", TIMESTAMP)]),
    "satisfaction_rating": pa.schema([
        ("id", pa.int64()), ("ticket_id", pa.int64()), ("requester_id", pa.int64()),
        ("assignee_id", pa.int64()), ("group_id", pa.int64()), ("score", pa.string()),
        ("comment", pa.string()), ("created_at", TIMESTAMP), ("updated_at", TIMESTAMP),
        ("_fivetran_synced", TIMESTAMP)]),
    "schedule": pa.schema([
        ("id", pa.int64()), ("name", pa.string()), ("time_zone", pa.string()), ("start_time", pa.int64()),
        ("end_time", pa.int64()), ("created_at", TIMESTAMP), ("_fivetran_deleted", pa.bool_()),
        ("_fivetran_synced", TIMESTAMP)]),
    "schedule_holiday": pa.schema([
        ("id", pa.int64()), ("schedule_id", pa.int64()), ("name", pa.string()), ("start_date", pa.date32()),
        ("end_date", pa.date32()), ("_fivetran_deleted", pa.bool_()), ("_fivetran_synced", TIMESTAMP)]),
    "ticket_schedule": pa.schema([
        ("ticket_id", pa.int64()), ("schedule_id", pa.int64()), ("created_at", TIMESTAMP),
        ("_fivetran_synced", TIMESTAMP)]),
    "time_zone": pa.schema([("time_zone", pa.string()), ("standard_offset", pa.string())]),
    "ticket_sla_policy": pa.schema([
        ("ticket_id", pa.int64()), ("sla_policy_id", pa.int64()), ("policy_applied_at", TIMESTAMP),
        ("_fivetran_synced", TIMESTAMP)]),
    "sla_policy_history": pa.schema([
        ("id", pa.int64()), ("title", pa.string()), ("updated_at", TIMESTAMP),
        ("_fivetran_deleted", pa.bool_()), ("_fivetran_synced", TIMESTAMP)]),
    "sla_policy_metric_history": pa.schema([
        ("sla_policy_id", pa.int64()), ("sla_policy_updated_at", TIMESTAMP), ("metric", pa.string()),
        ("priority", pa.string()), ("target", pa.int64()), ("business_hours", pa.bool_()),
        ("_fivetran_synced", TIMESTAMP)]),
}


@dataclass
class FivetranZendesk:
    """The Fivetran Zendesk tables, the contract tables without counterpart, what was left out,
    and the integer ids given to groups, schedules and SLA policies (numbers["group" | "schedule"
    | "sla_policy"]: contract id or name -> Zendesk id)."""

    tables: dict[str, pa.Table]
    contract_tables: dict[str, pa.Table]
    skipped: dict[str, int] = field(default_factory=dict)
    numbers: dict[str, dict[str, int]] = field(default_factory=dict)


# --- value mappings (vectorised) -------------------------------------------------------------

def id_digits(ids: pd.Series) -> pd.Series:
    """The trailing digits of text ids as integers (T0000001 -> 1); null when there are none."""
    digits = ids.astype("string").str.extract(r"(\d+)\s*$", expand=False)
    return pd.to_numeric(digits, errors="coerce").astype("Int64")


def letter_prefix_number(prefix: str) -> int:
    """The number of a letter prefix read as a column name: A = 1, B = 2, .., Z = 26, AA = 27;
    characters other than letters are skipped; no letters = 1 (as A)."""
    number = 0
    for letter in prefix.upper():
        if "A" <= letter <= "Z":
            number = number * 26 + ord(letter) - ord("A") + 1
    return number or 1


def agent_user_ids(agent_ids: pd.Series) -> pd.Series:
    """Agent ids as user ids: AGENT_USER_ID_OFFSET x the number of their letter prefix + their
    digits (A016 -> 1000000016, B001 -> 2000000001, S001 -> 19000000001), so agents, bots and
    system users whose ids differ only in the prefix stay different users."""
    prefixes = agent_ids.astype("string").str.extract(r"^(.*?)\d*\s*$", expand=False)
    blocks = prefixes.map(letter_prefix_number, na_action="ignore").astype("Int64")
    return id_digits(agent_ids) + blocks * AGENT_USER_ID_OFFSET


def numbered(values: pd.Series, first: list[str] | None = None) -> dict[str, int]:
    """1, 2, ... for the distinct non-null values: `first` ones first, then in order of appearance."""
    ordered = list(dict.fromkeys([*(first or []), *values.dropna().tolist()]))
    return {value: number for number, value in enumerate(ordered, start=1)}


def parse_timestamps(texts: pd.Series) -> pd.Series:
    """'YYYY-MM-DD HH:MM:SS' (UTC) -> timestamps; unparseable -> null (a Zendesk column is typed)."""
    return pd.to_datetime(texts, format="%Y-%m-%d %H:%M:%S", errors="coerce")


def parse_booleans(texts: pd.Series) -> pd.Series:
    """'true' / 'false' -> booleans; anything else -> null."""
    lowered = texts.astype("string").str.strip().str.lower()
    return lowered.map({"true": True, "false": False}).astype("boolean")


def via_channels(channels: pd.Series) -> pd.Series:
    """Contract channel -> Zendesk via_channel; a value without mapping passes unchanged."""
    return channels.map(VIA_CHANNELS).fillna(channels)


def csat_ratings(scores: pd.Series) -> pd.Series:
    """CSAT score (1-5, text) -> Zendesk rating: 4-5 good, 1-3 bad, null (no answer) offered;
    anything else passes unchanged (the input route quarantines it)."""
    numbers = pd.to_numeric(scores, errors="coerce").astype("float64")
    rating = pd.Series(np.where(numbers >= CSAT_GOOD_FROM, "good", "bad"), index=scores.index, dtype="string")
    rating = rating.where(numbers.between(1, 5).to_numpy(), scores.astype("string"))
    return rating.fillna("offered")


def minute_of_day(times: pd.Series) -> pd.Series:
    """'HH:MM[:SS]' -> minutes after midnight ('24:00' -> 1440); seconds are dropped (Zendesk
    intervals are whole minutes)."""
    parts = times.astype("string").str.split(":", expand=True)
    return pd.to_numeric(parts[0], errors="coerce") * 60 + pd.to_numeric(parts[1], errors="coerce")


def week_minutes(iso_day_of_week: pd.Series, times: pd.Series) -> pd.Series:
    """ISO day (1 = Monday .. 7 = Sunday) and local time -> minutes from Sunday 00:00."""
    day = pd.to_numeric(iso_day_of_week, errors="coerce") % 7
    return (day * MINUTES_PER_DAY + minute_of_day(times)).astype("Int64")


def zendesk_time_zones(iana: pd.Series) -> pd.Series:
    """IANA zone -> Zendesk's name for it; a zone Zendesk has no name for passes unchanged."""
    return iana.map(PREFERRED_NAME).fillna(iana)


def standard_offset(zone: str) -> str | None:
    """'+hh:mm' / '-hh:mm' offset of a zone outside daylight time (the smaller of its January
    and July offsets); None for a name zoneinfo does not know."""
    try:
        info = zoneinfo.ZoneInfo(zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None
    offsets = [dt.datetime(2025, month, 15, tzinfo=info).utcoffset() for month in (1, 7)]
    minutes = int(min(offsets).total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


# --- tables ----------------------------------------------------------------------------------

def frame(tables: Mapping[str, pa.Table], name: str) -> pd.DataFrame | None:
    """A contract table as a DataFrame of text columns (pandas nullable strings); None if absent."""
    table = tables.get(name)
    if table is None:
        return None
    return table.to_pandas().astype("string")


def column(data: pd.DataFrame, name: str) -> pd.Series:
    """A column, or nulls when the table does not have it (an optional contract column)."""
    if name in data.columns:
        return data[name]
    return pd.Series(pd.NA, index=data.index, dtype="string")


def to_arrow(name: str, data: pd.DataFrame) -> pa.Table:
    """A DataFrame as the typed Arrow table `name` of SCHEMA (columns in schema order)."""
    schema = SCHEMA[name]
    arrays = []
    for schema_field in schema:
        values = data[schema_field.name] if schema_field.name in data.columns else pd.Series(pd.NA, index=data.index)
        if pa.types.is_timestamp(schema_field.type):
            values = pd.to_datetime(values, errors="coerce")
        elif pa.types.is_date(schema_field.type):
            values = pd.to_datetime(values, format="%Y-%m-%d", errors="coerce").dt.date
        arrays.append(pa.array(values.astype(object).where(values.notna(), None), type=schema_field.type,
                               from_pandas=True))
    return pa.Table.from_arrays(arrays, schema=schema)


def group_ids(tickets: pd.DataFrame, events: pd.DataFrame, agents: pd.DataFrame | None) -> dict[str, int]:
    """Every group name used anywhere, numbered in name order."""
    names = [tickets["group_name"], column(events, "group_name")]
    if agents is not None:
        names.append(column(agents, "group_name"))
    return numbered(pd.Series(sorted(set(pd.concat(names).dropna())), dtype="string"))


def build_users(customers: pd.DataFrame, agents: pd.DataFrame, group_numbers: dict[str, int]) -> pd.DataFrame:
    """End users (one per customer, with the customer columns as custom user fields) and agents."""
    end_users = pd.DataFrame({
        "id": id_digits(customers["customer_id"]), "name": customers["customer_id"],
        "email": customers["email"], "role": "end-user", "active": True, "suspended": False,
        "created_at": parse_timestamps(customers["signup_at"]), "segment": customers["segment"],
        "region": customers["region"], "churned_at": parse_timestamps(customers["churned_at"]),
        "annual_revenue": pd.to_numeric(customers["annual_revenue"], errors="coerce"),
        "is_incentivized": parse_booleans(customers["is_incentivized"]), "_fivetran_deleted": False,
        "_fivetran_synced": parse_timestamps(customers["_loaded_at"])})
    agent_users = pd.DataFrame({
        "id": agents["user_id"], "name": agents["name"], "email": agents["email"], "role": agents["role"],
        "active": agents["is_active"], "suspended": False, "created_at": agents["created_at"],
        "default_group_id": agents["group_name"].map(group_numbers).astype("Int64"),
        "_fivetran_deleted": False, "_fivetran_synced": agents["created_at"]})
    return pd.concat([end_users, agent_users], ignore_index=True)


def collect_agents(tickets: pd.DataFrame, events: pd.DataFrame, agents: pd.DataFrame | None,
                   first_seen: pd.Timestamp, with_fallback: bool) -> pd.DataFrame:
    """One row per agent: from the agents table when present, plus every agent id that tickets
    and events name, plus (with_fallback) the fallback agent for agent actions without a known agent."""
    ids = pd.concat([tickets["assignee_id"], column(events, "assignee_id"),
                     column(events, "actor_id").where(events["actor_type"] == "agent")]).dropna()
    rows = pd.DataFrame({"agent_id": pd.Series(ids.unique(), dtype="string")})
    if agents is not None:
        rows = pd.concat([agents, rows[~rows["agent_id"].isin(agents["agent_id"])]], ignore_index=True)
    rows = rows.reindex(columns=["agent_id", "name", "group_name", "role", "is_active", "_loaded_at"]).astype("string")
    result = pd.DataFrame({
        "user_id": agent_user_ids(rows["agent_id"]),
        "name": rows["name"].fillna("Agent " + rows["agent_id"]),
        "email": rows["agent_id"].str.lower() + "@support.example.com",
        "role": rows["role"].fillna("agent"),
        "is_active": parse_booleans(rows["is_active"]).fillna(True),
        "group_name": rows["group_name"],
        "created_at": parse_timestamps(rows["_loaded_at"]).fillna(first_seen)})
    fallback = pd.DataFrame({"user_id": [FALLBACK_AGENT_USER_ID], "name": ["Support agent"],
                             "email": ["agent@support.example.com"], "role": ["agent"], "is_active": [True],
                             "group_name": [pd.NA], "created_at": [first_seen]})
    parts = [result, fallback] if with_fallback else [result]
    return pd.concat(parts, ignore_index=True).astype({"user_id": "Int64", "group_name": "string"})


def actor_user_ids(events: pd.DataFrame, tickets: pd.DataFrame) -> pd.Series:
    """The user behind each event: actor_id when given (customer digits / agent offset + digits),
    else the ticket's requester for a customer and its assignee (or the fallback agent) for an
    agent; SYSTEM_USER_ID for the system."""
    by_ticket = tickets.drop_duplicates("ticket_id", keep="last").set_index("ticket_id")
    requester = events["ticket_id"].map(id_digits(by_ticket["customer_id"]))
    assignee = events["ticket_id"].map(agent_user_ids(by_ticket["assignee_id"]))
    actor = column(events, "actor_id")
    is_customer, is_agent = events["actor_type"] == "customer", events["actor_type"] == "agent"
    customer_user = id_digits(actor).fillna(requester)
    agent_user = agent_user_ids(actor).fillna(assignee).fillna(FALLBACK_AGENT_USER_ID)
    users = pd.Series(SYSTEM_USER_ID, index=events.index, dtype="Int64")
    users = users.mask(is_customer.fillna(False), customer_user)
    return users.mask(is_agent.fillna(False), agent_user).astype("Int64")


def build_field_history(events: pd.DataFrame, users: pd.Series, group_numbers: dict[str, int]) -> pd.DataFrame:
    """Status changes as field 'status'; assignments as fields 'assignee_id' and 'group_id'.
    One row per (ticket, field, second): of two in the same second, the later event's."""
    at = parse_timestamps(events["event_at"])
    synced = parse_timestamps(events["_loaded_at"])
    ticket = id_digits(events["ticket_id"])
    is_status = events["event_type"] == "status_change"
    is_assignment = events["event_type"] == "assignment"
    parts = [pd.DataFrame({"ticket_id": ticket, "field_name": "status", "updated": at,
                           "value": events["status"], "user_id": users, "_fivetran_synced": synced,
                           "order": np.arange(len(events))})[is_status.fillna(False).to_numpy()]]
    if is_assignment.any():
        assignee = agent_user_ids(column(events, "assignee_id")).astype("string")
        group = column(events, "group_name").map(group_numbers).astype("Int64").astype("string")
        for field_name, value in (("assignee_id", assignee), ("group_id", group)):
            parts.append(pd.DataFrame({"ticket_id": ticket, "field_name": field_name, "updated": at,
                                       "value": value, "user_id": users, "_fivetran_synced": synced,
                                       "order": np.arange(len(events))})[is_assignment.fillna(False).to_numpy()])
    history = pd.concat(parts, ignore_index=True)
    history = history.sort_values(["ticket_id", "field_name", "updated", "_fivetran_synced", "order"],
                                  kind="stable")
    history = history.drop_duplicates(["ticket_id", "field_name", "updated"], keep="last")
    return history.drop(columns="order").sort_values(["updated", "ticket_id"], kind="stable")


def build_schedules(
    business_hours: pd.DataFrame | None, schedules: pd.DataFrame | None, holidays: pd.DataFrame | None,
    default_schedule_id: str = DEFAULT_SCHEDULE_ID,
) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, int]]:
    """(schedule intervals, schedule holidays, schedule id -> integer id). The default schedule
    (default_schedule_id, also the schedule of business_hours rows without schedule_id) is
    numbered 1 and created first: Zendesk's default schedule is the first one, and the input
    route gives it to tickets without ticket_schedule rows, as the contract does."""
    if business_hours is None or business_hours.empty:
        return pd.DataFrame(columns=list(SCHEMA["schedule"].names)), pd.DataFrame(), {}
    hours = business_hours.assign(schedule_id=column(business_hours, "schedule_id").fillna(default_schedule_id))
    listed = schedules if schedules is not None else pd.DataFrame(columns=["schedule_id", "name", "timezone"],
                                                                  dtype="string")
    all_ids = pd.concat([listed["schedule_id"], hours["schedule_id"]]).astype("string")
    numbers = numbered(all_ids, first=[default_schedule_id] if (all_ids == default_schedule_id).any() else [])
    zone_of_schedule = dict(zip(listed["schedule_id"], column(listed, "timezone"), strict=True))
    name_of_schedule = dict(zip(listed["schedule_id"], column(listed, "name"), strict=True))
    zone = column(hours, "timezone").fillna(hours["schedule_id"].map(zone_of_schedule).astype("string"))
    first_zone = zone.groupby(hours["schedule_id"]).transform("first")
    created = parse_timestamps(hours["_loaded_at"]).min() - pd.Timedelta(days=365)
    number = hours["schedule_id"].map(numbers).astype("Int64")
    intervals = pd.DataFrame({
        "id": number,
        "name": hours["schedule_id"].map(name_of_schedule).astype("string").fillna(
            hours["schedule_id"].where(hours["schedule_id"] != default_schedule_id, "Default")),
        "time_zone": zendesk_time_zones(first_zone),
        "start_time": week_minutes(hours["day_of_week"], hours["start_time"]),
        "end_time": week_minutes(hours["day_of_week"], hours["end_time"]),
        "created_at": created + pd.to_timedelta(number.astype("float64"), unit="min"),
        "_fivetran_deleted": False, "_fivetran_synced": parse_timestamps(hours["_loaded_at"])})

    holiday_rows = pd.DataFrame()
    if holidays is not None and not holidays.empty:
        start = column(holidays, "start_date").fillna(column(holidays, "holiday_date"))
        each = pd.DataFrame({
            "schedule_id": column(holidays, "schedule_id"), "start_date": start,
            "end_date": column(holidays, "end_date").fillna(start),
            "name": column(holidays, "name").fillna(column(holidays, "holiday_name")),
            "_fivetran_synced": parse_timestamps(holidays["_loaded_at"])})
        # a holiday of every schedule (no schedule_id) is a holiday of each schedule in Zendesk
        every = each[each["schedule_id"].isna()].drop(columns="schedule_id").merge(
            pd.DataFrame({"schedule_id": pd.Series(list(numbers), dtype="string")}), how="cross")
        holiday_rows = pd.concat([each[each["schedule_id"].notna()], every], ignore_index=True)
        holiday_rows = holiday_rows.assign(
            schedule_id=holiday_rows["schedule_id"].map(numbers).astype("Int64"),
            id=np.arange(1, len(holiday_rows) + 1), _fivetran_deleted=False)
    return intervals, holiday_rows, numbers


def build_ratings(invitations: pd.DataFrame | None, responses: pd.DataFrame | None,
                  tickets: pd.DataFrame, group_numbers: dict[str, int]) -> tuple[pd.DataFrame, int]:
    """Satisfaction ratings: one per ticket CSAT invitation (scored by its answer, 'offered'
    without one) and one per ticket CSAT answer without invitation. Returns the ratings and the
    number of survey rows left out (other survey types, CSAT without ticket)."""
    invitations = invitations if invitations is not None else pd.DataFrame(
        columns=["invitation_id", "customer_id", "ticket_id", "survey_type", "sent_at", "_loaded_at"], dtype="string")
    responses = responses if responses is not None else pd.DataFrame(
        columns=["response_id", "invitation_id", "customer_id", "ticket_id", "survey_type", "score", "comment",
                 "responded_at", "_loaded_at"], dtype="string")
    csat_invitations = invitations[(invitations["survey_type"] == "csat") & invitations["ticket_id"].notna()]
    csat_responses = responses[(responses["survey_type"] == "csat") & responses["ticket_id"].notna()]
    skipped = len(invitations) - len(csat_invitations) + len(responses) - len(csat_responses)
    answers = csat_responses.sort_values("responded_at").drop_duplicates("invitation_id", keep="last")
    answered = csat_invitations.merge(
        answers[["invitation_id", "score", "comment", "responded_at", "_loaded_at"]].rename(
            columns={"_loaded_at": "answer_loaded_at"}), on="invitation_id", how="left")
    from_invitations = pd.DataFrame({
        "id": id_digits(answered["invitation_id"]), "ticket_id": answered["ticket_id"],
        "customer_id": answered["customer_id"], "score": csat_ratings(answered["score"]),
        "comment": answered["comment"], "created_at": parse_timestamps(answered["sent_at"]),
        "updated_at": parse_timestamps(answered["responded_at"].fillna(answered["sent_at"])),
        "_fivetran_synced": parse_timestamps(answered["answer_loaded_at"].fillna(answered["_loaded_at"]))})
    open_link = csat_responses[csat_responses["invitation_id"].isna()
                               | ~csat_responses["invitation_id"].isin(csat_invitations["invitation_id"])]
    from_answers = pd.DataFrame({
        "id": id_digits(open_link["response_id"]) + RESPONSE_RATING_ID_OFFSET, "ticket_id": open_link["ticket_id"],
        "customer_id": open_link["customer_id"], "score": csat_ratings(open_link["score"]),
        "comment": open_link["comment"], "created_at": parse_timestamps(open_link["responded_at"]),
        "updated_at": parse_timestamps(open_link["responded_at"]),
        "_fivetran_synced": parse_timestamps(open_link["_loaded_at"])})
    ratings = pd.concat([from_invitations, from_answers], ignore_index=True)
    by_ticket = tickets.drop_duplicates("ticket_id", keep="last").set_index("ticket_id")
    ratings = ratings.assign(
        requester_id=id_digits(ratings["customer_id"]),
        assignee_id=agent_user_ids(ratings["ticket_id"].map(by_ticket["assignee_id"])),
        group_id=ratings["ticket_id"].map(by_ticket["group_name"]).map(group_numbers).astype("Int64"),
        ticket_id=id_digits(ratings["ticket_id"]))
    return ratings, skipped


def build_sla(ticket_policies: pd.DataFrame | None,
              targets: pd.DataFrame | None) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, dict[str, int]]:
    """(ticket_sla_policy, sla_policy_history, sla_policy_metric_history, policy id -> integer id)
    from the v2 tables."""
    if targets is None and ticket_policies is None:
        return pd.DataFrame(), pd.DataFrame(), pd.DataFrame(), {}
    targets = targets if targets is not None else pd.DataFrame(
        columns=["policy_id", "priority", "metric", "target_minutes", "in_business_hours", "_loaded_at"],
        dtype="string")
    applied = ticket_policies if ticket_policies is not None else pd.DataFrame(
        columns=["ticket_id", "policy_id", "applied_at", "_loaded_at"], dtype="string")
    numbers = numbered(pd.concat([targets["policy_id"], applied["policy_id"]]).astype("string"))
    loaded = parse_timestamps(targets["_loaded_at"])
    metric_history = pd.DataFrame({
        "sla_policy_id": targets["policy_id"].map(numbers).astype("Int64"), "sla_policy_updated_at": loaded,
        "metric": targets["metric"].map(SLA_METRICS).fillna(targets["metric"]), "priority": targets["priority"],
        "target": pd.to_numeric(targets["target_minutes"], errors="coerce").astype("Int64"),
        "business_hours": parse_booleans(targets["in_business_hours"]), "_fivetran_synced": loaded})
    policy_ids = pd.Series(list(numbers), dtype="string")
    first_loaded = loaded.min() if len(loaded) else parse_timestamps(applied["_loaded_at"]).min()
    history = pd.DataFrame({"id": policy_ids.map(numbers).astype("Int64"), "title": policy_ids,
                            "updated_at": first_loaded, "_fivetran_deleted": False, "_fivetran_synced": first_loaded})
    ticket_policy = pd.DataFrame({
        "ticket_id": id_digits(applied["ticket_id"]),
        "sla_policy_id": applied["policy_id"].map(numbers).astype("Int64"),
        "policy_applied_at": parse_timestamps(applied["applied_at"]),
        "_fivetran_synced": parse_timestamps(applied["_loaded_at"])})
    return ticket_policy, history, metric_history, numbers


def to_fivetran_zendesk(tables: Mapping[str, pa.Table],
                        default_schedule_id: str = DEFAULT_SCHEDULE_ID) -> FivetranZendesk:
    """The contract tables (string columns, as the generator renders them) as Fivetran Zendesk
    tables. Optional contract tables and columns that are absent are skipped.
    default_schedule_id is the project's var cx_default_schedule_id."""
    customers, tickets, events = frame(tables, "customers"), frame(tables, "tickets"), frame(tables, "ticket_events")
    agents = frame(tables, "agents")
    skipped: dict[str, int] = {}
    first_seen = parse_timestamps(tickets["created_at"]).min()

    group_numbers = group_ids(tickets, events, agents)
    event_users = actor_user_ids(events, tickets)
    agent_rows = collect_agents(tickets, events, agents, first_seen,
                                with_fallback=bool((event_users == FALLBACK_AGENT_USER_ID).any()))
    users = build_users(customers, agent_rows, group_numbers)
    groups = pd.DataFrame({"id": list(group_numbers.values()), "name": list(group_numbers),
                           "_fivetran_deleted": False, "_fivetran_synced": first_seen})

    # events: comments, field history; other types have no place in Zendesk
    is_comment = (events["event_type"] == "comment").fillna(False).to_numpy()
    representable = events["event_type"].isin(["comment", "status_change", "assignment"]).fillna(False)
    skipped["ticket_events"] = int((~representable).sum())
    comments = pd.DataFrame({
        "id": id_digits(events["event_id"]), "ticket_id": id_digits(events["ticket_id"]), "user_id": event_users,
        "created": parse_timestamps(events["event_at"]), "public": parse_booleans(events["is_public"]),
        "_fivetran_deleted": False, "_fivetran_synced": parse_timestamps(events["_loaded_at"])})[is_comment]
    field_history = build_field_history(events, event_users, group_numbers)
    skipped["status_changes_in_the_same_second"] = int(
        (events["event_type"] == "status_change").fillna(False).sum() - (field_history["field_name"] == "status").sum())

    # tickets: current status = the last status change (Zendesk's ticket.status)
    status_history = field_history[field_history["field_name"] == "status"]
    last_status = status_history.sort_values("updated", kind="stable").drop_duplicates("ticket_id", keep="last")
    event_at = parse_timestamps(events["event_at"])
    last_update = event_at.groupby(id_digits(events["ticket_id"])).max()
    ticket_number = id_digits(tickets["ticket_id"])
    created = parse_timestamps(tickets["created_at"])
    ticket = pd.DataFrame({
        "id": ticket_number, "created_at": created,
        "updated_at": ticket_number.map(last_update).fillna(created),
        "subject": tickets["subject"], "priority": tickets["priority"],
        "status": ticket_number.map(last_status.set_index("ticket_id")["value"]).fillna("new"),
        "requester_id": id_digits(tickets["customer_id"]), "submitter_id": id_digits(tickets["customer_id"]),
        "assignee_id": agent_user_ids(tickets["assignee_id"]),
        "group_id": tickets["group_name"].map(group_numbers).astype("Int64"),
        "via_channel": via_channels(tickets["channel"]), "is_public": True, "_fivetran_deleted": False,
        "_fivetran_synced": parse_timestamps(tickets["_loaded_at"])})

    ratings, skipped["surveys"] = build_ratings(frame(tables, "survey_invitations"),
                                                frame(tables, "survey_responses"), tickets, group_numbers)
    intervals, holidays, schedule_numbers = build_schedules(frame(tables, "business_hours"),
                                                            frame(tables, "schedules"), frame(tables, "holidays"),
                                                            default_schedule_id)
    out = {"ticket": ticket, "user": users, "group": groups, "ticket_comment": comments,
           "ticket_field_history": field_history, "satisfaction_rating": ratings, "schedule": intervals}
    if not holidays.empty:
        out["schedule_holiday"] = holidays
    zones = sorted(set(intervals["time_zone"].dropna()))
    iana_of = {name: zone for zone, name in PREFERRED_NAME.items()}
    out["time_zone"] = pd.DataFrame({"time_zone": zones,
                                     "standard_offset": [standard_offset(iana_of.get(z, z)) for z in zones]})
    ticket_schedules = frame(tables, "ticket_schedules")
    if ticket_schedules is not None:
        out["ticket_schedule"] = pd.DataFrame({
            "ticket_id": id_digits(ticket_schedules["ticket_id"]),
            "schedule_id": ticket_schedules["schedule_id"].map(schedule_numbers).astype("Int64"),
            "created_at": parse_timestamps(ticket_schedules["valid_from"]),
            "_fivetran_synced": parse_timestamps(ticket_schedules["_loaded_at"])})
    ticket_policy, policy_history, metric_history, policy_numbers = build_sla(frame(tables, "ticket_sla_policies"),
                                                              frame(tables, "sla_policy_targets"))
    if not metric_history.empty or not ticket_policy.empty:
        out.update({"ticket_sla_policy": ticket_policy, "sla_policy_history": policy_history,
                    "sla_policy_metric_history": metric_history})

    return FivetranZendesk(
        tables={name: to_arrow(name, data) for name, data in out.items()},
        contract_tables=contract_only_tables(tables), skipped=skipped,
        numbers={"group": group_numbers, "schedule": schedule_numbers, "sla_policy": policy_numbers})


def contract_only_tables(tables: Mapping[str, pa.Table]) -> dict[str, pa.Table]:
    """The contract tables without Zendesk counterpart, their customer ids as Zendesk user ids
    (C000252 -> '252') so they join the customers the Zendesk route reads."""
    result = {}
    for name in CONTRACT_ONLY_TABLES:
        if name not in tables:
            continue
        table = tables[name]
        if "customer_id" in table.column_names:
            user_ids = pa.array(id_digits(table.column("customer_id").to_pandas()).astype("string"), type=pa.string(),
                                from_pandas=True)
            table = table.set_column(table.column_names.index("customer_id"), "customer_id", user_ids)
        result[name] = table
    return result


# --- writing ---------------------------------------------------------------------------------

FILE_FORMATS = ("csv", "parquet")


def write_fivetran_zendesk(result: FivetranZendesk, out_dir: str | Path, file_format: str = "csv") -> list[Path]:
    """Write <out>/<Fivetran table>.csv|parquet (typed: Parquet keeps the types, CSV writes ids
    as integers, booleans as true/false, timestamps 'YYYY-MM-DD HH:MM:SS', null = empty) and the
    contract tables without Zendesk counterpart under <out>/cx/ (point var cx_source at them)."""
    import pyarrow.csv as pa_csv
    import pyarrow.parquet as pq

    if file_format not in FILE_FORMATS:
        raise ValueError(f"unknown file format {file_format!r}")
    out = Path(out_dir)
    (out / "cx").mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for folder, tables in ((out, result.tables), (out / "cx", result.contract_tables)):
        for name, table in tables.items():
            path = folder / f"{name}.{file_format}"
            if file_format == "csv":
                pa_csv.write_csv(table, path, pa_csv.WriteOptions(quoting_style="needed"))
            else:
                pq.write_table(table, path, compression="zstd")
            written.append(path)
    return written
