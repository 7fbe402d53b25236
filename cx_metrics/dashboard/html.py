"""The CX dashboard page: one self-contained HTML file (plotly.js inlined, no network, no server).

Each panel is a card with a title and a one-line note on what it shows (source mart, units);
a panel without data is a card that says why. Cards carry ``data-panel`` (the key) and
``data-state`` (``chart`` or ``no-data``) so the browser test can find them.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import plotly.io as pio
from plotly.offline import get_plotlyjs

from cx_metrics.dashboard.figures import BAD, FONT, GOOD, INK, MUTED, Panel, Tile

PLOTLY_CONFIG = {"displaylogo": False, "responsive": True,
                 "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d"]}


@dataclass(frozen=True)
class PageInfo:
    title: str
    database: str
    period: str
    as_of: str
    built_at: str
    tiles_month: str | None = None


CSS = f"""
* {{ box-sizing: border-box; }}
body {{ margin: 0; background: #f3f4f6; color: {INK}; font-family: {FONT}; }}
header {{ background: #111827; color: #f9fafb; padding: 20px 32px 18px; }}
header h1 {{ margin: 0 0 6px; font-size: 24px; font-weight: 650; letter-spacing: -0.01em; }}
header .meta {{ display: flex; flex-wrap: wrap; gap: 6px 28px; font-size: 13px; color: #d1d5db; }}
header .meta b {{ color: #f9fafb; font-weight: 600; }}
main {{ max-width: 1480px; margin: 0 auto; padding: 20px 24px 32px; }}
.tiles-caption {{ font-size: 13px; color: {MUTED}; margin: 0 0 8px 2px; }}
.tiles {{ display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px;
          margin-bottom: 18px; }}
.tile {{ background: #fff; border-radius: 10px; padding: 12px 14px; box-shadow: 0 1px 2px rgba(0,0,0,.06);
         border-top: 3px solid #2563eb; }}
.tile .label {{ font-size: 12px; color: {MUTED}; text-transform: uppercase; letter-spacing: .04em; }}
.tile .value {{ font-size: 26px; font-weight: 650; margin: 2px 0; }}
.tile .change {{ font-size: 12px; color: {MUTED}; }}
.tile .change.good {{ color: {GOOD}; }}
.tile .change.bad {{ color: {BAD}; }}
.grid {{ display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 18px; }}
.panel {{ background: #fff; border-radius: 10px; padding: 14px 16px 8px; min-width: 0;
          box-shadow: 0 1px 2px rgba(0,0,0,.06); }}
.panel.wide {{ grid-column: 1 / -1; }}
.panel h2 {{ margin: 0; font-size: 16px; font-weight: 650; }}
.panel p.note {{ margin: 4px 0 6px; font-size: 12.5px; color: {MUTED}; line-height: 1.4; }}
.panel .no-data {{ display: flex; align-items: center; justify-content: center; text-align: center;
                   min-height: 240px; margin: 6px 0 8px; border: 2px dashed #d1d5db; border-radius: 8px;
                   color: {MUTED}; font-size: 14px; padding: 16px; }}
.panel .no-data strong {{ display: block; font-size: 18px; color: {INK}; margin-bottom: 6px; }}
footer {{ max-width: 1480px; margin: 0 auto; padding: 0 24px 28px; font-size: 12px; color: {MUTED}; }}
@media (max-width: 1000px) {{ .grid {{ grid-template-columns: 1fr; }} }}
"""


def render_tiles(month: str | None, tiles: Sequence[Tile]) -> str:
    if not tiles:
        return ""
    cards = []
    for tile in tiles:
        tone = "" if tile.good is None else (" good" if tile.good else " bad")
        cards.append(
            f'<div class="tile"><div class="label">{html.escape(tile.label)}</div>'
            f'<div class="value">{html.escape(tile.value)}</div>'
            f'<div class="change{tone}">{html.escape(tile.change) or "&nbsp;"}</div></div>'
        )
    caption = f"Latest complete month: <b>{html.escape(month)}</b>" if month else ""
    return f'<p class="tiles-caption">{caption}</p><section class="tiles">{"".join(cards)}</section>'


def render_panel(panel: Panel) -> str:
    classes = "panel wide" if panel.wide else "panel"
    head = f"<h2>{html.escape(panel.title)}</h2><p class=\"note\">{html.escape(panel.subtitle)}</p>"
    if panel.figure is None:
        body = (f'<div class="no-data" role="note"><div><strong>No data</strong>'
                f"{html.escape(panel.no_data or 'Nothing to show.')}</div></div>")
        state = "no-data"
    else:
        body = pio.to_html(panel.figure, full_html=False, include_plotlyjs=False, config=PLOTLY_CONFIG,
                           div_id=f"chart-{panel.key}", default_height=f"{panel.height}px", default_width="100%")
        state = "chart"
    return f'<section class="{classes}" data-panel="{panel.key}" data-state="{state}">{head}{body}</section>'


def render_page(info: PageInfo, panels: Sequence[Panel], tiles: Sequence[Tile] = ()) -> str:
    """The whole page as one string: styles, plotly.js and every panel inline."""
    meta = (f"<span>Data period: <b>{html.escape(info.period)}</b></span>"
            f"<span>As of: <b>{html.escape(info.as_of)}</b></span>"
            f"<span>Database: <b>{html.escape(info.database)}</b></span>"
            f"<span>Built: {html.escape(info.built_at)}</span>")
    body = "".join(render_panel(panel) for panel in panels)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(info.title)}</title>
<style>{CSS}</style>
<script type="text/javascript">window.PlotlyConfig = {{MathJaxConfig: 'local'}};</script>
<script type="text/javascript">{get_plotlyjs()}</script>
</head>
<body>
<header><h1>{html.escape(info.title)}</h1><div class="meta">{meta}</div></header>
<main>
{render_tiles(info.tiles_month, tiles)}
<div class="grid">
{body}
</div>
</main>
<footer>cx-metrics dashboard: every figure comes from the marts of the database named above
(schema names from the project's dbt conventions). Times are UTC. Rebuild with <code>make dashboard</code>.</footer>
</body>
</html>
"""


def write_page(path: Path, page: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf-8")
    return path
