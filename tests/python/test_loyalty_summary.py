"""The scorecard section of the demo summary: the last 3 months of mart_cx_scorecard."""

from __future__ import annotations

import duckdb

from cx_metrics.summary import build_summary


def test_scorecard_section_prints_the_last_three_months_in_order():
    with duckdb.connect() as connection:
        connection.execute(
            "create table mart_cx_scorecard as select * from (values "
            "(date '2026-01-01', 10.0, 0.80, 95.5, 0.90, 0.93, 0.70, null, 0.010, null), "
            "(date '2026-02-01', 20.0, 0.50, 60.0, 1.00, 1.00, 0.50, null, 0.020, null), "
            "(date '2026-04-01', 25.0, 0.75, 30.0, 0.50, 0.25, null, null, 0.000, 1234.5), "
            "(date '2026-03-01', -5.0, 0.60, 45.0, 0.80, 0.90, 0.60, null, 0.030, null)) "
            "as t(month_start_date, nps, csat, median_first_reply_minutes, first_reply_sla_attainment_rate, "
            "resolution_rate, social_response_rate, feedback_completeness_rate, churn_rate, revenue_at_risk)"
        )
        summary = build_summary(connection, "main")
    section = summary.split("CX scorecard: the last 3 months\n", 1)[1].splitlines()
    assert section[0].split()[:3] == ["month", "NPS", "CSAT"]
    months = [line.split()[0] for line in section[2:]]
    assert months == ["2026-02", "2026-03", "2026-04"]
    assert section[-1].split() == ["2026-04", "25.0", "75.0", "30.0", "50.0", "25.0", "-", "-", "0.0", "1,234.5"]
