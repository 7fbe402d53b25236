"""The voice-of-the-customer section of the CX summary: NPS, CSAT, CES, closed loop, promoter gap."""

from __future__ import annotations

import duckdb

from cx_metrics.summary import build_summary, section_advocacy


def _marts(connection: duckdb.DuckDBPyConnection, with_experience: bool = True) -> None:
    # Two period types: each answer is counted once per type, so the section must sum only one.
    connection.execute(
        "create table mart_advocacy as select * from (values "
        "('month', 'nps', 5, 3, 1, 1, 0, null, 1), "
        "('month', 'nps', 3, 0, 1, 2, 0, null, 1), "
        "('month', 'csat', 4, 0, 0, 0, 3, null, 0), "
        "('month', 'ces', 2, 0, 0, 0, 0, 9, 0), "
        "('week', 'nps', 8, 3, 2, 3, 0, null, 2), "
        "('week', 'csat', 4, 0, 0, 0, 3, null, 0), "
        "('week', 'ces', 2, 0, 0, 0, 0, 9, 0)"
        ") as t(period_type, survey_type, responses, promoters, passives, detractors, "
        "csat_satisfied_responses, ces_score_sum, follow_ups_done)"
    )
    if with_experience:
        connection.execute(
            "create table mart_advocacy_by_service_experience as select * from (values "
            "('month', 'social_conversation', 4, 3, 2, 1), "
            "('month', 'ticket', 9, 9, 9, 0), "
            "('week', 'social_conversation', 4, 3, 2, 1)"
            ") as t(period_type, contact_type, responses_after_answered, promoters_after_answered, "
            "responses_after_unanswered, promoters_after_unanswered)"
        )


def test_advocacy_section_figures():
    with duckdb.connect() as connection:
        _marts(connection)
        lines = section_advocacy(connection, "main").splitlines()
    # Months only. NPS: 3 promoters, 2 passives, 3 detractors -> 100 x (3 - 3) / 8 = 0.
    # CSAT 3 of 4 = 75 %. CES 9 / 2 = 4.5. Detractors followed up 2 of 3 = 66.7 %.
    # Social: 3 of 4 promoters after an answer (75 %), 1 of 2 after none (50 %) -> gap 25 points.
    assert lines[3].split()[-2:] == ["0.0", "8"]
    assert lines[4].split()[-2:] == ["75.0", "4"]
    assert lines[5].split()[-2:] == ["4.5", "2"]
    assert lines[6].split()[-2:] == ["66.7", "3"]
    assert lines[7].split()[-2:] == ["75.0", "4"]
    assert lines[8].split()[-2:] == ["50.0", "2"]
    assert lines[9].split()[-2:] == ["25.0", "6"]


def test_advocacy_section_without_the_experience_mart_has_no_gap():
    with duckdb.connect() as connection:
        _marts(connection, with_experience=False)
        summary = build_summary(connection, "main")
    assert "Voice of the customer" in summary
    assert "promoter gap" not in summary
