"""Loader of the ServiceNow incident event log (UCI data set 498, ``incident_event_log.csv``)
-> ``tickets``, ``ticket_events``, ``customers``.

* ``tickets``: one row per incident ``number``; attributes come from the incident's
  LAST log row, ordered by ``sys_mod_count`` (numeric) and then file position.
  ``customer_id = caller_id``; ``created_at = opened_at``; ``subject = category``;
  ``assignee_id = assigned_to``; ``group_name = assignment_group``;
  ``via_social_post_id`` null.
* ``channel`` from ``contact_type``: Phone -> phone, IVR -> phone, Email -> email,
  Self service -> web, Direct opening -> web; any other value lower-cased verbatim.
* ``priority``: ``1 - Critical`` -> urgent, ``2 - High`` -> high,
  ``3 - Moderate`` -> normal, ``4 - Low`` -> low; others lower-cased verbatim.
* ``ticket_events``: one row per log row (all of them). ``event_id = number || '-' ||
  n`` where ``n`` is the 1-based position of the row among the incident's rows in
  file order; ``event_at = sys_updated_at``; ``actor_type = 'agent'``;
  ``event_type = 'status_change'``; ``is_public = false``; ``status`` from
  ``incident_state``: New -> new, Active -> open, Awaiting User Info -> pending,
  Awaiting Vendor / Awaiting Problem / Awaiting Evidence -> hold,
  Resolved -> solved, Closed -> closed, anything else (e.g. ``-100``) lower-cased
  verbatim (quarantined downstream).
* ``customers``: one row per distinct non-null ``caller_id``.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from cx_metrics.loaders.contract import conform, customers_frame
from cx_metrics.loaders.values import (
    PathOrBuffer,
    default_loaded_at,
    loaded_at_column,
    map_with_fallback,
    null_if_missing,
    parse_timestamps,
)

SERVICENOW_STATUS_MAP: dict[str, str] = {
    "New": "new",
    "Active": "open",
    "Awaiting User Info": "pending",
    "Awaiting Vendor": "hold",
    "Awaiting Problem": "hold",
    "Awaiting Evidence": "hold",
    "Resolved": "solved",
    "Closed": "closed",
}

SERVICENOW_CHANNEL_MAP: dict[str, str] = {
    "Phone": "phone",
    "IVR": "phone",
    "Email": "email",
    "Self service": "web",
    "Direct opening": "web",
}

SERVICENOW_PRIORITY_MAP: dict[str, str] = {
    "1 - Critical": "urgent",
    "2 - High": "high",
    "3 - Moderate": "normal",
    "4 - Low": "low",
}

SERVICENOW_TIMESTAMP_FORMAT = "%d/%m/%Y %H:%M"


def parse_servicenow_timestamp(values: pd.Series) -> pd.Series:
    """``'29/2/2016 01:16'`` (day first, unpadded) -> naive ``datetime64[us]`` (taken as UTC);
    ``'?'``/``''`` -> NaT."""
    return parse_timestamps(values, SERVICENOW_TIMESTAMP_FORMAT, utc=False)


def read_servicenow(source: PathOrBuffer, compression: str | None = "infer") -> pd.DataFrame:
    """Read the incident event log as strings; ``'?'`` (and empty fields) become null."""
    frame = pd.read_csv(
        source,
        dtype=str,
        keep_default_na=False,
        na_values=["?", ""],
        compression=compression,
        encoding="utf-8",
    )
    needed = ["number", "incident_state", "sys_mod_count", "caller_id", "opened_at", "sys_updated_at",
              "contact_type", "category", "priority", "assignment_group", "assigned_to"]
    missing = [column for column in needed if column not in frame.columns]
    if missing:
        raise ValueError(f"ServiceNow file lacks columns {missing}")
    return frame.reset_index(drop=True)


def servicenow_to_frames(
    log: pd.DataFrame, loaded_at: pd.Timestamp | dt.datetime | None = None
) -> dict[str, pd.DataFrame]:
    """Map a frame from :func:`read_servicenow` to ``tickets``, ``ticket_events``
    and ``customers`` (contract columns, in order)."""
    loaded_at = default_loaded_at() if loaded_at is None else loaded_at
    log = log.reset_index(drop=True)
    positions = np.arange(len(log), dtype="int64")
    number = null_if_missing(log["number"])
    if number.isna().any():
        raise ValueError("ServiceNow rows without an incident number")
    number = number.astype(str)

    row_in_incident = number.groupby(number, sort=False).cumcount() + 1
    ticket_events = pd.DataFrame(
        {
            "event_id": number + "-" + row_in_incident.astype(str),
            "ticket_id": number,
            "event_at": parse_servicenow_timestamp(log["sys_updated_at"]),
            "actor_type": "agent",
            "event_type": "status_change",
            "is_public": False,
            "status": map_with_fallback(log["incident_state"], SERVICENOW_STATUS_MAP),
            "_loaded_at": loaded_at_column(loaded_at, positions),
        }
    )

    order = pd.DataFrame(
        {
            "number": number,
            "mod_count": pd.to_numeric(null_if_missing(log["sys_mod_count"]), errors="coerce"),
            "position": positions,
        }
    )
    # NaN sys_mod_count sorts first, so a numbered row always wins over it.
    order = order.sort_values(["number", "mod_count", "position"], kind="stable", na_position="first")
    last_positions = (order.drop_duplicates("number", keep="last").sort_values("position")["position"]
                      .to_numpy())
    last = log.iloc[last_positions].reset_index(drop=True)
    tickets = pd.DataFrame(
        {
            "ticket_id": number.iloc[last_positions].to_numpy(),
            "customer_id": null_if_missing(last["caller_id"]),
            "channel": map_with_fallback(last["contact_type"], SERVICENOW_CHANNEL_MAP),
            "priority": map_with_fallback(last["priority"], SERVICENOW_PRIORITY_MAP),
            "created_at": parse_servicenow_timestamp(last["opened_at"]),
            "subject": null_if_missing(last["category"]),
            "assignee_id": null_if_missing(last["assigned_to"]),
            "group_name": null_if_missing(last["assignment_group"]),
            "via_social_post_id": None,
            "_loaded_at": loaded_at_column(loaded_at, last_positions),
        }
    )

    callers = pd.DataFrame({"customer_id": null_if_missing(log["caller_id"]), "position": positions}).dropna(
        subset=["customer_id"]
    )
    callers = callers.drop_duplicates("customer_id", keep="first")
    return {
        "tickets": conform(tickets, "tickets"),
        "ticket_events": conform(ticket_events, "ticket_events"),
        "customers": customers_frame(callers["customer_id"], callers["position"], loaded_at),
    }


def parse_servicenow(
    source: PathOrBuffer, loaded_at: pd.Timestamp | dt.datetime | None = None
) -> dict[str, pd.DataFrame]:
    """Read and map a ServiceNow incident event log (``.csv`` or ``.csv.gz``)."""
    return servicenow_to_frames(read_servicenow(source), loaded_at)
