"""The planted bad rows: one or a few rows per table that break exactly one rule each.

Every other row is clean. Each planted row is described (table, key, rule, column, note) in
``generator_params.json`` under ``planted_bad_rows``. The rows are picked deterministically
(the clean rows created nearest to mid-window), so they need no random draws.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pyarrow as pa

from cx_metrics.generate.contract import CHANNELS, CSAT, DAY, HOUR, MINUTE, NPS, SURVEY_TYPES
from cx_metrics.generate.formatting import id_text
from cx_metrics.generate.rendering import RenderContext
from cx_metrics.generate.timeline import load_batch, timestamp_text, window_bounds


@dataclass
class PlantedRows:
    """Rows to append to one table (string values), their load times and their descriptions."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    loaded: list[int] = field(default_factory=list)
    notes: list[dict[str, Any]] = field(default_factory=list)


def append_rows(table: pa.Table, loaded: np.ndarray, rows: list[dict[str, Any]],
                row_loaded: list[int]) -> pa.Table:
    """Append string rows and re-sort the whole table by load time (stable)."""
    if not rows:
        return table
    extra = pa.Table.from_pylist(rows, schema=table.schema)
    keys = np.concatenate([loaded, np.asarray(row_loaded, np.int64)])
    order = np.argsort(keys, kind="stable")
    return pa.concat_tables([table, extra]).take(pa.array(order))


def pick_near_mid_window(mask: np.ndarray, at: np.ndarray, start_s: int, end_s: int, k: int = 0) -> int:
    """Deterministic pick: the k-th row in `mask` created nearest to mid-window."""
    candidates = np.flatnonzero(mask)
    if len(candidates) == 0:
        raise ValueError("not enough rows to plant bad rows; increase --tickets")
    mid = (start_s + end_s) // 2
    order = candidates[np.argsort(np.abs(at[candidates] - mid), kind="stable")]
    return int(order[min(k, len(order) - 1)])


def _load_time(context: RenderContext, seconds: int) -> int:
    return int(load_batch(np.array([seconds]), context.params)[0])


def customer_bad_rows(context: RenderContext, table: pa.Table, loaded: np.ndarray) -> PlantedRows:
    """A new customer whose churned_at is before its signup_at."""
    start_s, _ = window_bounds(context.params)
    customer_id = id_text("C", table.num_rows + 1, context.widths["C"])
    signup = start_s + 150 * DAY + 11 * HOUR
    row_loaded = _load_time(context, signup)
    row = {"customer_id": customer_id, "segment": "smb", "region": "amer", "signup_at": timestamp_text(signup),
           "churned_at": timestamp_text(signup - 30 * DAY), "annual_revenue": "4200.00",
           "email": customer_id.lower() + "@example.com", "is_incentivized": "false",
           "_loaded_at": timestamp_text(row_loaded)}
    note = {"table": "customers", "key": customer_id, "rule": "timestamp_out_of_order",
            "column": "churned_at", "note": "churned_at is 30 days before signup_at; "
            "customer has no tickets, identities, posts or survey rows"}
    return PlantedRows([row], [row_loaded], [note])


def social_post_bad_rows(context: RenderContext, table: pa.Table, loaded: np.ndarray) -> PlantedRows:
    """An anonymous post that replies to itself."""
    start_s, _ = window_bounds(context.params)
    brand = tuple(context.params.brand_mix)[0]
    post_id = id_text("P", table.num_rows + 1, context.widths["P"])
    created = start_s + 200 * DAY + 15 * HOUR + 7 * MINUTE
    row_loaded = _load_time(context, created)
    row = {"post_id": post_id, "platform": "twitter", "brand": brand,
           "author_handle": "@guest99999", "author_is_brand": "false", "created_at": timestamp_text(created),
           "text": f"@{brand} replying to myself because nobody else will",
           "in_reply_to_post_id": post_id, "author_followers": "42", "_loaded_at": timestamp_text(row_loaded)}
    note = {"table": "social_posts", "key": post_id, "rule": "self_reference",
            "column": "in_reply_to_post_id",
            "note": "anonymous author (not in customer_identities); in_reply_to_post_id = post_id"}
    return PlantedRows([row], [row_loaded], [note])


def ticket_bad_rows(context: RenderContext, table: pa.Table, loaded: np.ndarray) -> PlantedRows:
    """A later copy of an answered email ticket, then four new tickets without events: a null
    key, an unparseable created_at, an unknown channel and an unknown customer."""
    start_s, end_s = window_bounds(context.params)
    widths, tickets = context.widths, context.tickets
    n_tickets, n_customers = len(tickets["created"]), len(context.customers["signup"])
    planted = PlantedRows()
    answered_email = ((tickets["channel"] == CHANNELS.index("email")) & context.ticket_facts["has_reply"]
                      & (tickets["created"] < end_s - 30 * DAY))
    duplicated = pick_near_mid_window(answered_email, tickets["created"], start_s, end_s, 0)
    copy = table.slice(duplicated, 1).to_pylist()[0]
    copy["subject"] = copy["subject"] + " (follow-up)"
    copy_loaded = int(loaded[duplicated]) + DAY
    copy["_loaded_at"] = timestamp_text(copy_loaded)
    planted.rows.append(copy)
    planted.loaded.append(copy_loaded)
    planted.notes.append({"table": "tickets", "key": copy["ticket_id"], "rule": "duplicate_key",
                          "column": "ticket_id",
                          "note": "two rows; the EARLIER _loaded_at copy is rejected, the later copy "
                                  "(subject ending ' (follow-up)') is kept; the ticket has normal events"})
    some_customer = id_text(
        "C", 1 + pick_near_mid_window(np.ones(n_customers, bool), context.customers["signup"], 0, 2 * start_s, 0),
        widths["C"])
    base_at = start_s + 120 * DAY + 14 * HOUR
    specs = [
        (None, some_customer, "email", timestamp_text(base_at), "null_key", "ticket_id",
         "ticket_id is empty"),
        (id_text("T", n_tickets + 1, widths["T"]), some_customer, "web", "not-a-date", "unparseable_value",
         "created_at", "created_at = 'not-a-date'"),
        (id_text("T", n_tickets + 2, widths["T"]), some_customer, "pigeon", timestamp_text(base_at + 2 * DAY),
         "unknown_enum", "channel", "channel = 'pigeon'"),
        (id_text("T", n_tickets + 3, widths["T"]), "C" + "9" * widths["C"], "email",
         timestamp_text(base_at + 3 * DAY), "orphan_reference", "customer_id",
         "customer_id does not exist in customers"),
    ]
    for i, (ticket_id, customer_id, channel, created, rule, column, note) in enumerate(specs):
        row_loaded = _load_time(context, base_at + i * DAY)
        planted.rows.append({"ticket_id": ticket_id, "customer_id": customer_id, "channel": channel,
                             "priority": "normal", "created_at": created,
                             "subject": "Cannot log in to my account", "assignee_id": None,
                             "group_name": "technical", "via_social_post_id": None,
                             "_loaded_at": timestamp_text(row_loaded)})
        planted.loaded.append(row_loaded)
        planted.notes.append({"table": "tickets", "key": ticket_id, "rule": rule, "column": column,
                              "note": note + "; no ticket_events"})
    return planted


def ticket_event_bad_rows(context: RenderContext, table: pa.Table, loaded: np.ndarray) -> PlantedRows:
    """A customer comment before its ticket was created, and an unknown event type."""
    start_s, end_s = window_bounds(context.params)
    widths, tickets = context.widths, context.tickets
    n_events = table.num_rows
    planted = PlantedRows()
    candidates = (context.ticket_facts["has_reply"] & (tickets["created"] < end_s - 30 * DAY)
                  & (tickets["channel"] != CHANNELS.index("email")))
    first = pick_near_mid_window(candidates, tickets["created"], start_s, end_s, 0)
    second = pick_near_mid_window(candidates, tickets["created"], start_s, end_s, 1)
    specs = [
        (first, int(tickets["created"][first]) - 2 * HOUR, "comment", "timestamp_out_of_order", "event_at",
         "customer comment 2 hours before its ticket's created_at"),
        (second, int(tickets["created"][second]) + 5 * MINUTE, "tweet", "unknown_enum", "event_type",
         "event_type = 'tweet' (actor customer)"),
    ]
    for j, (ticket, event_at, event_type, rule, column, note) in enumerate(specs):
        event_id = id_text("E", n_events + 1 + j, widths["E"])
        ticket_id = id_text("T", ticket + 1, widths["T"])
        row_loaded = _load_time(context, int(tickets["created"][ticket]) + 5 * MINUTE)
        planted.rows.append({"event_id": event_id, "ticket_id": ticket_id,
                             "event_at": timestamp_text(event_at), "actor_type": "customer",
                             "event_type": event_type, "is_public": "true", "status": None,
                             "actor_id": id_text("C", int(tickets["customer"][ticket]) + 1, widths["C"]),
                             "assignee_id": None, "group_name": None,
                             "_loaded_at": timestamp_text(row_loaded)})
        planted.loaded.append(row_loaded)
        planted.notes.append({"table": "ticket_events", "key": event_id, "rule": rule, "column": column,
                              "note": note + f"; ticket {ticket_id} is otherwise clean"})
    return planted


def survey_response_bad_rows(context: RenderContext, table: pa.Table, loaded: np.ndarray) -> PlantedRows:
    """An NPS score of 11 and a CSAT score 'five', each answering an unanswered invitation."""
    start_s, end_s = window_bounds(context.params)
    widths = context.widths
    invitations, order = context.invitations, context.invitation_order
    n_responses = table.num_rows
    planted = PlantedRows()
    answered_invitation = np.zeros(len(order), bool)
    invitation = context.responses["invitation"]
    answered_invitation[invitation[invitation >= 0]] = True
    sent = invitations["sent"][order]
    survey_type = invitations["type"][order]
    specs = [(NPS, "11", "out_of_range", "NPS score 11 (valid range 0-10)"),
             (CSAT, "five", "unparseable_value", "CSAT score 'five' is not an integer")]
    for j, (wanted_type, score, rule, note) in enumerate(specs):
        candidates = ~answered_invitation & (survey_type == wanted_type) & (sent < end_s - 7 * DAY)
        invitation_row = pick_near_mid_window(candidates, sent, start_s, end_s, 0)
        responded = int(sent[invitation_row]) + 3 * HOUR
        row_loaded = _load_time(context, responded)
        response_id = id_text("SR", n_responses + 1 + j, widths["SR"])
        invitation_id = id_text("SI", invitation_row + 1, widths["SI"])
        customer = int(invitations["customer"][order][invitation_row])
        ticket = int(invitations["ticket"][order][invitation_row])
        planted.rows.append({"response_id": response_id, "invitation_id": invitation_id,
                             "customer_id": id_text("C", customer + 1, widths["C"]),
                             "ticket_id": id_text("T", ticket + 1, widths["T"]) if ticket >= 0 else None,
                             "survey_type": SURVEY_TYPES[wanted_type], "score": score, "comment": None,
                             "responded_at": timestamp_text(responded), "followed_up_at": None,
                             "_loaded_at": timestamp_text(row_loaded)})
        planted.loaded.append(row_loaded)
        planted.notes.append({"table": "survey_responses", "key": response_id, "rule": rule, "column": "score",
                              "note": note + f"; answers invitation {invitation_id} which has no other response"})
    return planted
