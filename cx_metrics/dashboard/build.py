"""Build the dashboard page from a built database: load every panel's frame, draw, write."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pandas as pd

from cx_metrics.dashboard import figures, queries
from cx_metrics.dashboard.html import PageInfo, render_page, write_page

DEFAULT_OUTPUT = Path("target/dashboard/index.html")


@dataclass(frozen=True)
class Dashboard:
    path: Path
    panels: list[figures.Panel]


def _format_time(value: pd.Timestamp | None, with_time: bool = True) -> str:
    if value is None:
        return "unknown"
    return value.strftime("%Y-%m-%d %H:%M UTC" if with_time else "%Y-%m-%d")


def panels_from(warehouse: queries.Warehouse, resolution_window_days: int | None = None) -> list[figures.Panel]:
    """Every panel of the page, in page order."""
    loyalty = queries.load_loyalty(warehouse)
    return [
        figures.scorecard_panel(queries.load_scorecard(warehouse)),
        figures.service_panel(queries.load_service(warehouse), resolution_window_days),
        figures.group_panel(queries.load_groups(warehouse)),
        figures.agent_panel(queries.load_agents(warehouse)),
        figures.social_panel(queries.load_social(warehouse)),
        figures.promoter_gap_panel(queries.load_promoter_gap(warehouse)),
        figures.churn_driver_panel(loyalty.drivers, loyalty.model_note),
        figures.revenue_panel(loyalty.revenue),
        figures.feedback_completeness_panel(queries.load_feedback_completeness(warehouse)),
        figures.quarantine_panel(queries.load_quarantine(warehouse)),
    ]


def build_dashboard(database: Path, output: Path = DEFAULT_OUTPUT, schemas: queries.Schemas | None = None,
                    project_dir: Path = queries.REPO_ROOT) -> Dashboard:
    """Write the dashboard of the DuckDB file `database` to `output` (one self-contained HTML file)."""
    database = Path(database)
    if not database.exists():
        raise FileNotFoundError(f"no database at {database}: run the dbt build first")
    schemas = schemas or queries.project_schemas(project_dir)
    window = queries.project_var("cx_resolution_window_days", None, project_dir)
    with duckdb.connect(str(database), read_only=True) as connection:
        warehouse = queries.Warehouse(connection, schemas)
        context = queries.load_context(warehouse)
        panels = panels_from(warehouse, window)
        month, tiles = figures.scorecard_tiles(queries.load_scorecard(warehouse))
    period = (f"{_format_time(context.period_start, False)} to {_format_time(context.period_end, False)}"
              if context.period_start is not None else "unknown")
    info = PageInfo(
        title="Customer experience dashboard",
        database=database.name,
        period=period,
        as_of=_format_time(context.as_of),
        built_at=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    )
    info = replace(info, tiles_month=month)
    write_page(Path(output), render_page(info, panels, tiles))
    return Dashboard(Path(output), panels)
