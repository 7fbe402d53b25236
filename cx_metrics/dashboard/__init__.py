"""The CX dashboard: one self-contained HTML page (plotly) drawn from the marts of a built database.

    queries.py   what each panel reads (schema names from the project's dbt conventions)
    figures.py   pure functions: DataFrame -> Panel (a plotly figure or a "no data" reason)
    html.py      the page: cards in a grid, plotly.js inlined (no network, no server)
    build.py     build_dashboard(database, output): load, draw, write
    browser.py   check_page(): open the page in headless Chromium and report what it drew

`make dashboard` (and the end of `make demo`) writes target/dashboard/index.html.
"""

from cx_metrics.dashboard.build import DEFAULT_OUTPUT, Dashboard, build_dashboard

__all__ = ["DEFAULT_OUTPUT", "Dashboard", "build_dashboard"]
