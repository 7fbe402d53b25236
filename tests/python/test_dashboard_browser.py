"""The dashboard page in a real browser: headless Chromium (Debian's chromium, installed by
scripts/install_chromium.sh when missing) loads the page built from the demo database and must
log no console error, request nothing from the network and draw every data point of every
chart. The screenshot is kept at target/dashboard/screenshot.png."""

from __future__ import annotations

import duckdb
import pytest

from cx_metrics.dashboard import build_dashboard
from cx_metrics.dashboard.browser import check_page, ensure_chromium

from conftest import REPO_ROOT

SCREENSHOT = REPO_ROOT / "target" / "dashboard" / "screenshot.png"
ALL_PANELS = {"scorecard", "service", "groups", "agents", "social", "promoter_gap", "churn_drivers", "revenue",
              "feedback", "quarantine"}


@pytest.fixture(scope="session")
def chromium() -> str:
    return ensure_chromium()


@pytest.fixture(scope="module")
def demo_page(demo_database, chromium, tmp_path_factory):
    page = tmp_path_factory.mktemp("dashboard") / "index.html"
    dashboard = build_dashboard(demo_database, page)
    return dashboard, check_page(page, SCREENSHOT, executable=chromium)


def test_demo_dashboard_draws_every_chart_without_errors_or_network(demo_page):
    _, report = demo_page
    assert report.problems() == []
    assert {panel["key"] for panel in report.panels} == ALL_PANELS


def test_demo_dashboard_has_data_in_every_panel(demo_page):
    _, report = demo_page
    assert {panel["key"] for panel in report.panels if panel["state"] == "no-data"} == set()
    for panel in report.panels:
        if panel["state"] == "chart":
            # every drawn trace holds points, and the chart uses the card's width
            assert sum(trace["drawn"] for trace in panel["traces"]) > 0, panel["key"]
            assert panel["width"] > 500, panel["key"]
        else:
            assert "No data" in panel["noDataText"]


def test_demo_dashboard_header_states_period_and_as_of(demo_page, demo_database):
    dashboard, _ = demo_page
    with duckdb.connect(str(demo_database), read_only=True) as connection:
        as_of = connection.execute("select max(as_of_at) from main_marts.fct_tickets").fetchone()[0]
    page = dashboard.path.read_text()
    assert f"As of: <b>{as_of:%Y-%m-%d %H:%M} UTC</b>" in page
    assert "Data period: <b>20" in page


def test_screenshot_is_saved(demo_page):
    assert SCREENSHOT.exists() and SCREENSHOT.stat().st_size > 50_000


def test_the_browser_check_catches_a_broken_page(chromium, tmp_path):
    # A chart div that never draws, a console error, an uncaught error and two requests for
    # other resources (aborted by the check before they reach any network).
    page = tmp_path / "broken.html"
    page.write_text(
        '<html><body><section class="panel" data-panel="x" data-state="chart"><h2>x</h2></section>'
        '<img src="https://example.invalid/a.png">'
        '<script>console.error("boom"); throw new Error("bad");</script></body></html>'
    )
    problems = check_page(page, executable=chromium, chart_timeout_ms=1000).problems()
    assert "console error: boom" in problems
    assert "page error: bad" in problems
    assert "network request: https://example.invalid/a.png" in problems
    assert "x: the chart was not drawn" in problems
