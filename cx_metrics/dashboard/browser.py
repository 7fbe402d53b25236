"""Open the dashboard page in headless Chromium and report what it drew (the page's browser check).

Drives the system's Chromium (Debian package ``chromium``, installed by
scripts/install_chromium.sh) with playwright's ``executable_path``: playwright's own browser
download is never used. The report lists console errors, uncaught page errors, every request
other than the page file itself (the page must need no network), and per panel the data points
each plotly trace holds (``_fullData``) next to the marks drawn in its SVG (bars, markers, line
paths, heatmap images). A screenshot of the whole page is saved when asked.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
VIEWPORT = {"width": 1440, "height": 900}

# Runs in the page: one entry per card, with per trace the points expected and the marks drawn.
# Plotly binds each trace's calcdata to its SVG group (d3 __data__), which maps groups to traces.
INSPECT_JS = r"""
() => {
  const finite = v => v !== null && v !== undefined && v !== '' && !(typeof v === 'number' && !isFinite(v));
  const count = a => (a ? Array.from(a).filter(finite).length : 0);
  const traceIndex = g => {
    const d = g.__data__;
    const cd = Array.isArray(d) ? d[0] : d;
    return cd && cd.trace ? cd.trace.index : undefined;
  };
  return Array.from(document.querySelectorAll('section.panel')).map(section => {
    const gd = section.querySelector('.js-plotly-plot');
    const panel = {key: section.dataset.panel, state: section.dataset.state,
                   title: section.querySelector('h2').textContent,
                   noDataText: (section.querySelector('.no-data') || {}).textContent || null,
                   plotted: !!(gd && gd._fullLayout), width: gd ? gd.getBoundingClientRect().width : 0,
                   traces: []};
    if (!panel.plotted) return panel;
    const groups = {};
    gd.querySelectorAll('g.trace, g.hm').forEach(g => {
      const index = traceIndex(g);
      if (index !== undefined) (groups[index] = groups[index] || []).push(g);
    });
    gd._fullData.forEach(trace => {
      if (trace.visible !== true) return;
      const gs = groups[trace.index] || [];
      const entry = {index: trace.index, type: trace.type, name: trace.name || '', expected: 0, drawn: 0};
      if (trace.type === 'bar') {
        entry.expected = count(trace.orientation === 'h' ? trace.x : trace.y);
        gs.forEach(g => g.querySelectorAll('.point path').forEach(p => {
          const d = p.getAttribute('d');
          if (d && d !== 'M0,0Z') entry.drawn += 1;
        }));
      } else if (trace.type === 'scatter') {
        const xs = Array.from(trace.x || []), ys = Array.from(trace.y || []);
        entry.expected = ys.filter((y, i) => finite(y) && finite(xs[i])).length;
        if ((trace.mode || '').includes('markers')) {
          gs.forEach(g => { entry.drawn += g.querySelectorAll('path.point').length; });
        } else {
          gs.forEach(g => g.querySelectorAll('path.js-line').forEach(p => {
            if ((p.getAttribute('d') || '').length > 1) entry.drawn = entry.expected;
          }));
        }
      } else if (trace.type === 'heatmap') {
        entry.expected = (trace.z || []).flat().filter(finite).length;
        const painted = gs.some(g => Array.from(g.querySelectorAll('image')).some(
          img => (img.getAttribute('href') || img.getAttribute('xlink:href') || '').startsWith('data:image')));
        entry.drawn = painted ? entry.expected : 0;
      } else {
        entry.expected = -1;  // a trace type this check does not know
      }
      panel.traces.push(entry);
    });
    return panel;
  });
}
"""


INSTALL_SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "install_chromium.sh"


def find_chromium() -> str | None:
    """The Chromium to drive: $CX_CHROMIUM, else the first browser on PATH."""
    configured = os.environ.get("CX_CHROMIUM")
    if configured:
        return configured
    for name in CHROMIUM_NAMES:
        path = shutil.which(name)
        if path:
            return path
    return None


def ensure_chromium() -> str:
    """The Chromium to drive, installed with scripts/install_chromium.sh when there is none."""
    found = find_chromium()
    if found is None and INSTALL_SCRIPT.exists():
        subprocess.run(["bash", str(INSTALL_SCRIPT)], check=False)
        found = find_chromium()
    if found is None:
        raise RuntimeError("no Chromium found and scripts/install_chromium.sh could not install it "
                           "(Debian: apt-get install chromium)")
    return found


@dataclass
class PageReport:
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    panels: list[dict] = field(default_factory=list)
    browser_version: str = ""

    def panel(self, key: str) -> dict:
        return next(panel for panel in self.panels if panel["key"] == key)

    def problems(self) -> list[str]:
        """Everything wrong with the page; [] when it is fine."""
        found = [f"console error: {text}" for text in self.console_errors]
        found += [f"page error: {text}" for text in self.page_errors]
        found += [f"network request: {url}" for url in self.requests]
        if not self.panels:
            found.append("no panels on the page")
        for panel in self.panels:
            name = panel["key"]
            if panel["state"] == "no-data":
                if not panel.get("noDataText"):
                    found.append(f"{name}: empty panel without a 'no data' message")
                continue
            if not panel["plotted"]:
                found.append(f"{name}: the chart was not drawn")
                continue
            if not panel["traces"] or all(trace["expected"] == 0 for trace in panel["traces"]):
                found.append(f"{name}: the chart has no data points")
            for trace in panel["traces"]:
                if trace["expected"] < 0:
                    found.append(f"{name}: trace {trace['index']} is a {trace['type']}, which the check cannot count")
                elif trace["drawn"] != trace["expected"]:
                    found.append(f"{name}: trace {trace['index']} ({trace['type']} {trace['name']!r}) drew "
                                 f"{trace['drawn']} of {trace['expected']} points")
        return found


def check_page(page_path: Path, screenshot: Path | None = None, executable: str | None = None,
               timeout_ms: int = 60_000, chart_timeout_ms: int = 30_000) -> PageReport:
    """Load `page_path` in headless Chromium, wait for every chart, inspect it, screenshot it."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
    from playwright.sync_api import sync_playwright

    executable = executable or find_chromium()
    if executable is None:
        raise RuntimeError("no Chromium found: run scripts/install_chromium.sh (Debian package chromium)")
    page_url = Path(page_path).resolve().as_uri()
    report = PageReport()
    with sync_playwright() as playwright:
        # --no-sandbox: CI runs as root, where Chromium's sandbox cannot start.
        browser = playwright.chromium.launch(executable_path=executable, headless=True,
                                             args=["--no-sandbox", "--disable-gpu"])
        try:
            report.browser_version = browser.version
            page = browser.new_page(viewport=VIEWPORT, device_scale_factor=1)
            page.on("console", lambda message: report.console_errors.append(message.text)
                    if message.type == "error" else None)
            page.on("pageerror", lambda error: report.page_errors.append(str(error)))
            page.on("request", lambda request: report.requests.append(request.url)
                    if request.url != page_url else None)
            # Record any request for something else, and never let it reach the network.
            page.route(lambda url: url != page_url, lambda route: route.abort())
            page.goto(page_url, wait_until="load", timeout=timeout_ms)
            try:
                page.wait_for_function(
                    "() => Array.from(document.querySelectorAll('section.panel[data-state=chart]'))"
                    ".every(s => { const gd = s.querySelector('.js-plotly-plot'); return gd && gd._fullLayout; })",
                    timeout=chart_timeout_ms,
                )
            except PlaywrightTimeoutError:
                pass  # a chart that never drew: the inspection below reports it
            page.wait_for_timeout(300)  # let the responsive relayout settle before the screenshot
            report.panels = page.evaluate(INSPECT_JS)
            if screenshot is not None:
                Path(screenshot).parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(screenshot), full_page=True)
        finally:
            browser.close()
    return report
