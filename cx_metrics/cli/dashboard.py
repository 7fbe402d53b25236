"""``cx-metrics dashboard``: write the CX dashboard page of a built database."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

SUMMARY = "write the CX dashboard (one self-contained HTML file) of a built DuckDB database"
DESCRIPTION = """Write the CX dashboard of a built cx-metrics DuckDB database: one self-contained HTML
file (plotly.js inlined; opens from disk, no server, no network) with the monthly scorecard,
service by channel and priority, groups, social responsiveness, the promoter gap, churn drivers,
revenue at risk, feedback completeness and quarantined rows. A mart missing from the database
shows as a "no data" card.

The database defaults to $CX_DUCKDB_PATH, else target/cx.duckdb (as in profiles.yml); the marts
schema comes from the project's conventions (<profile schema>_marts) unless --schema is given.
--check opens the page in headless Chromium (scripts/install_chromium.sh installs it), saves a
screenshot beside it and exits 1 if a chart did not draw, the console logged an error or the
page asked for anything over the network."""


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--database", default=os.environ.get("CX_DUCKDB_PATH", "target/cx.duckdb"))
    parser.add_argument("--out", type=Path, default=Path("target/dashboard/index.html"),
                        help="the HTML file to write (default target/dashboard/index.html)")
    parser.add_argument("--schema", default=os.environ.get("CX_MARTS_SCHEMA"),
                        help="schema of the marts (default: $CX_MARTS_SCHEMA, else <profile schema>_marts)")
    parser.add_argument("--check", action="store_true",
                        help="open the page in headless Chromium, screenshot it, fail on any problem")


def run(args: argparse.Namespace) -> int:
    if not Path(args.database).exists():
        print(f"no database at {args.database}: run the dbt build first", file=sys.stderr)
        return 1
    from dataclasses import replace

    from cx_metrics.dashboard import build_dashboard
    from cx_metrics.dashboard.queries import project_schemas

    schemas = project_schemas()
    if args.schema:
        schemas = replace(schemas, marts=args.schema)
    dashboard = build_dashboard(Path(args.database), args.out, schemas)
    missing = [panel.key for panel in dashboard.panels if not panel.has_chart]
    print(f"Dashboard: {dashboard.path} (open it in a browser; "
          f"{len(dashboard.panels) - len(missing)} charts" + (f", no data: {', '.join(missing)})" if missing else ")"))
    if not args.check:
        return 0
    from cx_metrics.dashboard.browser import check_page, ensure_chromium

    screenshot = dashboard.path.with_name("screenshot.png")
    problems = check_page(dashboard.path, screenshot, executable=ensure_chromium()).problems()
    for problem in problems:
        print(f"  {problem}", file=sys.stderr)
    print(f"Browser check: {'FAILED' if problems else 'passed'}; screenshot {screenshot}")
    return 1 if problems else 0
