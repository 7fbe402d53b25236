"""Survey scores outside their survey type's range never reach the voice-of-the-customer marts.

A small raw fixture (written below, loaded with load_csv_dir_as_raw) holds valid answers at
the edges of each range next to answers just outside them. After a build on it, the
out-of-range answers are in main_quarantine.survey_responses_rejected (rule out_of_range,
column score) and absent from fct_survey_responses and mart_advocacy; the valid ones are there.
"""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import pytest

from conftest import load_csv_dir_as_raw, run_dbt

LOADED = "2026-06-01 00:00:00"

RAW_TABLES: dict[str, tuple[list[str], list[list[str]]]] = {
    "customers": (
        ["customer_id", "segment", "region", "signup_at", "churned_at", "annual_revenue", "email",
         "is_incentivized", "_loaded_at"],
        [["C1", "smb", "amer", "2026-01-01 09:00:00", "", "1000", "c1@example.com", "false", LOADED],
         ["C2", "enterprise", "emea", "2026-01-01 09:00:00", "", "90000", "c2@example.com", "false", LOADED]],
    ),
    "tickets": (
        ["ticket_id", "customer_id", "channel", "priority", "created_at", "subject", "assignee_id",
         "group_name", "via_social_post_id", "_loaded_at"],
        [["T1", "C2", "email", "normal", "2026-03-01 09:00:00", "Refund", "A1", "billing", "", LOADED]],
    ),
    "ticket_events": (
        ["event_id", "ticket_id", "event_at", "actor_type", "event_type", "is_public", "status", "_loaded_at"],
        [["E1", "T1", "2026-03-01 09:00:00", "customer", "comment", "true", "", LOADED],
         ["E2", "T1", "2026-03-01 09:30:00", "agent", "comment", "true", "", LOADED]],
    ),
    "survey_invitations": (
        ["invitation_id", "customer_id", "ticket_id", "survey_type", "channel", "sent_at", "_loaded_at"],
        [["I1", "C1", "", "nps", "email", "2026-03-02 09:00:00", LOADED],
         ["I2", "C2", "T1", "csat", "web", "2026-03-02 09:00:00", LOADED]],
    ),
    "survey_responses": (
        ["response_id", "invitation_id", "customer_id", "ticket_id", "survey_type", "score", "comment",
         "responded_at", "followed_up_at", "_loaded_at"],
        [
            # valid, at the edges of each range: NPS 0-10, CSAT 1-5, CES 1-7
            ["OK_NPS_10", "I1", "C1", "", "nps", "10", "", "2026-03-02 10:00:00", "", LOADED],
            ["OK_NPS_0", "", "C1", "", "nps", "0", "", "2026-03-02 10:00:00", "", LOADED],
            ["OK_CSAT_1", "I2", "C2", "T1", "csat", "1", "", "2026-03-02 10:00:00", "", LOADED],
            ["OK_CES_7", "", "C2", "", "ces", "7", "", "2026-03-02 10:00:00", "", LOADED],
            # just outside them
            ["BAD_NPS_11", "I1", "C1", "", "nps", "11", "", "2026-03-02 11:00:00", "", LOADED],
            ["BAD_NPS_MINUS_1", "", "C1", "", "nps", "-1", "", "2026-03-02 11:00:00", "", LOADED],
            ["BAD_CSAT_6", "I2", "C2", "T1", "csat", "6", "", "2026-03-02 11:00:00", "", LOADED],
            ["BAD_CES_0", "", "C2", "", "ces", "0", "", "2026-03-02 11:00:00", "", LOADED],
        ],
    ),
    "social_posts": (
        ["post_id", "platform", "brand", "author_handle", "author_is_brand", "created_at", "text",
         "in_reply_to_post_id", "author_followers", "_loaded_at"],
        [],
    ),
    "customer_identities": (["platform", "handle", "customer_id", "_loaded_at"], []),
    "sla_policies": (
        ["priority", "channel", "first_reply_target_minutes", "next_reply_target_minutes",
         "resolution_target_minutes", "in_business_hours", "_loaded_at"],
        [],
    ),
    "business_hours": (["day_of_week", "start_time", "end_time", "timezone", "_loaded_at"], []),
    "holidays": (["holiday_date", "holiday_name", "_loaded_at"], []),
}

VALID = {"OK_NPS_10", "OK_NPS_0", "OK_CSAT_1", "OK_CES_7"}
OUT_OF_RANGE = {"BAD_NPS_11", "BAD_NPS_MINUS_1", "BAD_CSAT_6", "BAD_CES_0"}


@pytest.fixture(scope="module")
def voc_build(tmp_path_factory) -> Path:
    work_dir = tmp_path_factory.mktemp("voc_quarantine")
    raw_dir = work_dir / "raw"
    raw_dir.mkdir()
    for table, (header, rows) in RAW_TABLES.items():
        with open(raw_dir / f"{table}.csv", "w", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            writer.writerows(rows)
    database = work_dir / "voc.duckdb"
    load_csv_dir_as_raw(raw_dir, database)
    result = run_dbt(
        ["run", "--select", "+fct_survey_responses", "+mart_advocacy", "survey_responses_rejected",
         "--vars", "{cx_source: raw}"],
        database, work_dir,
    )
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr
    return database


def test_out_of_range_scores_are_quarantined(voc_build):
    with duckdb.connect(str(voc_build), read_only=True) as connection:
        rejected = connection.execute(
            "select response_id, reject_reason, rejected_column from main_quarantine.survey_responses_rejected"
        ).fetchall()
    assert sorted(rejected) == sorted((key, "out_of_range", "score") for key in OUT_OF_RANGE)


def test_only_in_range_scores_reach_the_marts(voc_build):
    with duckdb.connect(str(voc_build), read_only=True) as connection:
        facts = dict(connection.execute(
            "select response_id, score from main_marts.fct_survey_responses"
        ).fetchall())
        month_totals = connection.execute(
            "select survey_type, sum(responses), sum(promoters), sum(detractors) "
            "from main_marts.mart_advocacy where period_type = 'month' group by survey_type order by survey_type"
        ).fetchall()
    assert set(facts) == VALID
    assert facts == {"OK_NPS_10": 10, "OK_NPS_0": 0, "OK_CSAT_1": 1, "OK_CES_7": 7}
    # Only the valid answers are counted: one CES, one CSAT, two NPS (a promoter and a detractor).
    assert month_totals == [("ces", 1, 0, 0), ("csat", 1, 0, 0), ("nps", 2, 1, 1)]
