"""The whole project builds on the real public data loaded by scripts/load_real_data.py.

The conftest fixture real_database loads the Twitter customer-support sample and the ServiceNow
incident log into a throwaway DuckDB file and runs `dbt build` on it (sources pointed at schema
raw); these tests check that the build passed and nothing was lost between raw and staging.
"""

from __future__ import annotations

import duckdb

from conftest import REPO_ROOT


def test_dbt_build_on_real_data_reconciles(real_database):
    with duckdb.connect(str(real_database), read_only=True) as connection:
        rows = dict(
            connection.execute("select source_table, source_rows from main_marts.mart_source_reconciliation").fetchall()
        )
        not_reconciled = connection.execute(
            "select count(*) from main_marts.mart_source_reconciliation where not is_reconciled"
        ).fetchone()[0]
    assert rows["social_posts"] == 5000
    assert rows["ticket_events"] == 141712
    assert rows["tickets"] == 24918
    assert not_reconciled == 0


def test_real_data_quirks_are_quarantined_not_dropped(real_database):
    with duckdb.connect(str(real_database), read_only=True) as connection:
        reasons = dict(
            connection.execute(
                "select reject_reason || ':' || rejected_column, rejected_rows "
                "from main_marts.mart_quarantine_summary where source_table = 'ticket_events'"
            ).fetchall()
        )
    # The log has 5 rows in state '-100' and 5 updates stamped before the incident was opened.
    assert reasons == {"unknown_enum:status": 5, "timestamp_out_of_order:event_at": 5}


def test_dashboard_on_real_data_draws_in_chromium(real_database, tmp_path):
    # The dashboard page of the real-data build, checked in headless Chromium like the demo's
    # (tests/python/test_dashboard_browser.py): no console error, no request, every point drawn.
    # This data has no surveys and no churn, so those panels must say "no data", not break.
    from cx_metrics.dashboard import build_dashboard
    from cx_metrics.dashboard.browser import check_page, ensure_chromium

    dashboard = build_dashboard(real_database, tmp_path / "index.html")
    report = check_page(dashboard.path, REPO_ROOT / "target" / "dashboard" / "screenshot-real-data.png",
                        executable=ensure_chromium())
    assert report.problems() == []
    states = {panel["key"]: panel["state"] for panel in report.panels}
    assert {key for key, state in states.items() if state == "chart"} >= {
        "scorecard", "service", "groups", "social", "feedback", "quarantine"}
    # no NPS answers, and no customer churned: no churn model (the card says why)
    assert states["promoter_gap"] == states["churn_drivers"] == "no-data"
    assert "churned" in report.panel("churn_drivers")["noDataText"]
