"""Service metrics agree with the ServiceNow incident log's own figures.

The UCI ServiceNow event log (../shared/data/incident_event_log.csv.gz) is loaded by
scripts/load_real_data.py (every log row becomes a status_change event) and the service models are
built on it. The log carries the system's own reopen_count and resolved_at on every row; their
values on an incident's last row are the truth we compare with:

* reopen_count: fct_tickets.reopen_count (transitions out of solved/closed back to
  open/pending/hold) must agree for >= 99 % of incidents;
* resolved_at: ServiceNow records the LAST update made while the incident is Resolved, so it is
  compared with fct_tickets.last_solved_at (same minute) for >= 99 % of incidents that have one;
  first_solved_at is reported too for incidents never reopened (it differs when the incident
  was updated again while resolved).

Measured on the full log: reopen_count equals the log's own for all 24,918 incidents, and
last_solved_at equals resolved_at for 23,361 of 23,362. The exception (INC0000137) has a log row
whose sys_updated_at goes back in time (an update stamped after the resolution, listed before it),
so the ticket looks reopened to 'new' and closed. first_solved_at differs from resolved_at for
~1.2 % of never-reopened incidents: a resolved incident updated again while resolved, where
ServiceNow keeps the later time (DECISIONLOG.md "Solves, last_solved_at and reopens"). The log
has no comments, so reply metrics are null on it.
"""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from conftest import REPO_ROOT

LOG_NAME = "incident_event_log.csv.gz"


@pytest.fixture(scope="module")
def servicenow_build(real_database):
    # The real-data build of conftest (the ServiceNow log is the only source of tickets there).
    shared = REPO_ROOT.parent / "shared" / "data"
    database = real_database
    with duckdb.connect(str(database), read_only=True) as connection:
        computed = connection.execute(
            "select ticket_id, reopen_count, first_solved_at, last_solved_at from main_marts.fct_tickets"
        ).df()
    log = pd.read_csv(shared / LOG_NAME, dtype=str, keep_default_na=False,
                      usecols=["number", "reopen_count", "resolved_at"])
    last_rows = log.groupby("number", sort=False).tail(1).set_index("number")
    truth = pd.DataFrame({
        "log_reopen_count": last_rows["reopen_count"].astype(int),
        "log_resolved_at": pd.to_datetime(last_rows["resolved_at"].replace("?", None), format="%d/%m/%Y %H:%M"),
    })
    return computed.set_index("ticket_id").join(truth, how="inner")


def test_every_incident_is_in_fct_tickets(servicenow_build):
    assert len(servicenow_build) == 24918


def test_reopen_count_agrees_with_the_log(servicenow_build):
    agree = (servicenow_build["reopen_count"] == servicenow_build["log_reopen_count"]).mean()
    print(f"\nreopen_count agreement: {agree:.4%} of {len(servicenow_build)} incidents")
    assert agree >= 0.99


def test_last_solve_agrees_with_resolved_at(servicenow_build):
    resolved = servicenow_build[servicenow_build["log_resolved_at"].notna()]
    agree = (resolved["last_solved_at"] == resolved["log_resolved_at"]).mean()
    print(f"\nlast_solved_at = resolved_at: {agree:.4%} of {len(resolved)} resolved incidents")
    assert agree >= 0.99


def test_first_solve_agrees_with_resolved_at_when_never_reopened(servicenow_build):
    resolved = servicenow_build[servicenow_build["log_resolved_at"].notna()]
    never_reopened = resolved[resolved["log_reopen_count"] == 0]
    agree = (never_reopened["first_solved_at"] == never_reopened["log_resolved_at"]).mean()
    print(f"\nfirst_solved_at = resolved_at (never reopened): {agree:.4%} of {len(never_reopened)} incidents")
    # Lower by design: resolved_at moves when a resolved incident is updated again (~1.2 %).
    assert agree >= 0.97
