"""The feedback-completeness section of the demo summary (cx_metrics/summary.py)."""

from __future__ import annotations

import duckdb

from cx_metrics.summary import build_summary


def test_feedback_completeness_section_sums_days_per_channel():
    with duckdb.connect() as connection:
        connection.execute(
            "create table mart_feedback_completeness as select * from (values "
            "(date '2026-03-01', 'social', 'twitter', 4, 3, 0, 1), "
            "(date '2026-03-02', 'social', 'facebook', 4, 2, 1, 1), "
            "(date '2026-03-01', 'ticket', 'email', 2, 2, 0, 0)) "
            "as t(received_date, feedback_channel, feedback_source, items_received, items_accounted_for, "
            "items_open_within_target, items_open_past_target)"
        )
        summary = build_summary(connection, "main")
    lines = summary.splitlines()
    start = lines.index("Feedback completeness by channel")
    # ticket first; social: 8 received, 5 accounted for, 1 within target, 2 past target, 5 / 8 = 62.5 %
    assert lines[start + 3].split() == ["ticket", "2", "2", "0", "0", "100.0"]
    assert lines[start + 4].split() == ["social", "8", "5", "1", "2", "62.5"]


def test_feedback_completeness_section_is_left_out_without_the_mart():
    with duckdb.connect() as connection:
        connection.execute("create table mart_quarantine_summary as select 'x' as source_table, "
                           "'null_key' as reject_reason, 'id' as rejected_column, 1 as rejected_rows")
        assert "Feedback completeness" not in build_summary(connection, "main")
