"""Pure figure-building functions of the CX dashboard: one :class:`Panel` per chart, from DataFrames.

Each ``*_panel`` function takes the frame its loader in :mod:`cx_metrics.dashboard.queries`
returns (``None`` when the mart is not in the database) and gives a :class:`Panel`: a plotly
figure, or an explicit "no data" reason when there is nothing to draw. No database, no I/O.
Rates arrive as shares (0-1) like in the marts and are shown in %.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

# One palette for the whole page: a measure keeps its colour wherever it appears.
INK = "#1f2937"
MUTED = "#6b7280"
GRID = "#e5e7eb"
PRIMARY = "#2563eb"     # neutral measures (volumes, trends)
GOOD = "#059669"        # answered, accounted for, promoters after an answer
WARN = "#d97706"        # open within target, a driver that is not significant
BAD = "#dc2626"         # unanswered, past target, breaches, churn risk
NEUTRAL = "#9ca3af"     # no contact, reference lines, the provisional month
PRIORITY_ORDER = ("low", "normal", "high", "urgent")
CHANNEL_ORDER = ("email", "chat", "phone", "web", "social")
FEEDBACK_CHANNEL_ORDER = ("ticket", "survey", "social")
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
TOP_BRANDS = 10
TOP_GROUPS = 10
TOP_QUARANTINE_RULES = 15


@dataclass(frozen=True)
class Panel:
    """One card of the page: a chart, or a "no data" reason (figure is None)."""

    key: str
    title: str
    subtitle: str
    figure: go.Figure | None = None
    no_data: str | None = None
    wide: bool = False
    height: int = 360

    @property
    def has_chart(self) -> bool:
        return self.figure is not None


def no_data_panel(key: str, title: str, subtitle: str, reason: str, wide: bool = False) -> Panel:
    return Panel(key=key, title=title, subtitle=subtitle, no_data=reason, wide=wide)


def is_empty(frame: pd.DataFrame | None) -> bool:
    return frame is None or frame.empty


def missing_reason(frame: pd.DataFrame | None, mart: str) -> str:
    if frame is None:
        return f"{mart} is not built in this database."
    return f"{mart} has no rows."


def _style(figure: go.Figure, height: int, legend: bool = False) -> go.Figure:
    figure.update_layout(
        template="plotly_white",
        height=height,
        margin={"l": 10, "r": 20, "t": 36 if legend else 28, "b": 10},
        font={"family": FONT, "size": 12, "color": INK},
        showlegend=legend,
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "xanchor": "left", "x": 0,
                "font": {"size": 11}},
        hoverlabel={"font": {"family": FONT}},
        bargap=0.25,
    )
    figure.update_xaxes(automargin=True, gridcolor=GRID, zerolinecolor=GRID)
    figure.update_yaxes(automargin=True, gridcolor=GRID, zerolinecolor=GRID)
    figure.update_annotations(font={"size": 12, "color": INK})
    return figure


def _pct(values: Iterable) -> list[float | None]:
    """Shares (0-1) as percentages; missing stays missing."""
    return [None if _missing(value) else 100.0 * float(value) for value in values]


def _missing(value) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def _ordered(values: Iterable[str], preferred: Sequence[str]) -> list[str]:
    """Known values in their natural order first, then the others alphabetically."""
    present = [str(value) for value in pd.unique(pd.Series(list(values), dtype="object")) if not _missing(value)]
    return [value for value in preferred if value in present] + sorted(v for v in present if v not in preferred)


def _fmt_number(value: float | None, unit: str = "") -> str:
    if _missing(value):
        return "–"
    value = float(value)
    if abs(value) >= 1e6:
        text = f"{value / 1e6:,.1f}M"
    elif abs(value) >= 1e4:
        text = f"{value / 1e3:,.0f}k"
    elif abs(value) >= 100:
        text = f"{value:,.0f}"
    else:
        text = f"{value:,.1f}"
    return text + unit


def has_values(frame: pd.DataFrame, column: str) -> bool:
    """The column exists and holds at least one value (an all-null measure is left out)."""
    return column in frame and frame[column].notna().any()


def _label(value: str) -> str:
    return str(value).replace("_", " ")


# --- monthly scorecard ---------------------------------------------------------------------

# (column, subplot title, share shown in % or value as is, hover unit)
SCORECARD_METRICS: tuple[tuple[str, str, bool, str], ...] = (
    ("nps", "NPS (−100 to 100)", False, ""),
    ("csat", "CSAT: satisfied answers, 4–5 (%)", True, "%"),
    ("median_first_reply_minutes", "Median first reply (minutes)", False, " min"),
    ("first_reply_sla_attainment_rate", "First-reply SLA attainment (%)", True, "%"),
    ("social_response_rate", "Social posts answered (%)", True, "%"),
    ("feedback_completeness_rate", "Feedback complete (%)", True, "%"),
    ("churn_rate", "Churn: active customers lost (%)", True, "%"),
    ("tickets", "Tickets created", False, ""),
)


def scorecard_panel(scorecard: pd.DataFrame | None) -> Panel:
    """mart_cx_scorecard: one small multiple per measure, one point per month; the latest
    (provisional) month is drawn hollow."""
    key, title = "scorecard", "Monthly CX scorecard"
    subtitle = "One point per month (mart_cx_scorecard); the hollow point is the current, provisional month."
    if is_empty(scorecard):
        return no_data_panel(key, title, subtitle, missing_reason(scorecard, "mart_cx_scorecard"), wide=True)
    frame = scorecard.sort_values("month_start_date")
    months = pd.to_datetime(frame["month_start_date"])
    latest = (frame["is_latest_month"].fillna(False).astype(bool).tolist()
              if "is_latest_month" in frame else [False] * len(frame))
    metrics = [metric for metric in SCORECARD_METRICS if has_values(frame, metric[0])]
    if not metrics:
        return no_data_panel(key, title, subtitle, "mart_cx_scorecard has no figure in any month.", wide=True)
    absent = [label.split(" (")[0].split(":")[0] for column, label, _, _ in SCORECARD_METRICS
              if not has_values(frame, column)]
    if absent:
        subtitle += f" No data for: {', '.join(absent)}."
    columns = min(4, len(metrics))
    rows = math.ceil(len(metrics) / columns)
    figure = make_subplots(rows=rows, cols=columns, subplot_titles=[metric[1] for metric in metrics],
                           horizontal_spacing=0.06, vertical_spacing=0.2)
    for index, (column, label, as_pct, unit) in enumerate(metrics):
        values = _pct(frame[column]) if as_pct else [None if _missing(v) else float(v) for v in frame[column]]
        figure.add_trace(
            go.Scatter(
                x=months, y=values, mode="lines+markers", name=label,
                line={"color": PRIMARY, "width": 2},
                marker={"size": 7, "color": ["white" if is_latest else PRIMARY for is_latest in latest],
                        "line": {"color": PRIMARY, "width": 2}},
                hovertemplate=f"%{{x|%b %Y}}: %{{y:,.1f}}{unit}<extra>{label}</extra>",
                connectgaps=False,
            ),
            row=index // columns + 1, col=index % columns + 1,
        )
    _style(figure, height=250 * rows)
    figure.update_xaxes(tickformat="%b\n%Y", nticks=6)
    figure.update_yaxes(rangemode="tozero")
    if metrics[0][0] == "nps":  # NPS goes below zero: let its axis do so
        figure.update_yaxes(rangemode="normal", row=1, col=1)
    figure.update_annotations(font={"size": 12})
    return Panel(key=key, title=title, subtitle=subtitle, figure=figure, wide=True, height=250 * rows)


# --- service --------------------------------------------------------------------------------

SERVICE_MEASURES: tuple[tuple[str, str, str], ...] = (
    # column, subplot title, colour scale (darker = more minutes / a higher rate)
    ("median_first_reply_minutes", "Median first reply (minutes)", "Blues"),
    ("first_reply_sla_attainment_rate", "First-reply SLA attainment (%)", "Greens"),
    ("resolution_rate", "Resolved within the window (%)", "Greens"),
)


def service_panel(service: pd.DataFrame | None, resolution_window_days: int | None = None) -> Panel:
    """One heatmap per service measure, channel x priority, the value written in each cell."""
    key, title = "service", "Service by channel and priority"
    window = f"{resolution_window_days} days" if resolution_window_days else "the resolution window"
    subtitle = (f"All tickets of the period: first reply in calendar minutes (fct_tickets), SLA attainment "
                f"(mart_response_time) and tickets solved within {window} (mart_resolution). n = tickets.")
    if is_empty(service):
        return no_data_panel(key, title, subtitle, missing_reason(service, "fct_tickets"), wide=True)
    channels = _ordered(service["channel"], CHANNEL_ORDER)
    priorities = _ordered(service["priority"], PRIORITY_ORDER)
    measures = [measure for measure in SERVICE_MEASURES if has_values(service, measure[0])]
    if not measures:
        return no_data_panel(key, title, subtitle, "No service measure has a value.", wide=True)
    titles = [measure[1].replace("the window", window) for measure in measures]
    figure = make_subplots(rows=1, cols=len(measures), subplot_titles=titles, horizontal_spacing=0.07,
                           shared_yaxes=True)
    indexed = service.set_index(["channel", "priority"])
    for position, (column, measure_title, scale) in enumerate(measures, start=1):
        as_pct = column.endswith("_rate")
        z, text = [], []
        for channel in channels:
            z_row, text_row = [], []
            for priority in priorities:
                value = indexed[column].get((channel, priority)) if (channel, priority) in indexed.index else None
                tickets = indexed["tickets"].get((channel, priority)) if (channel, priority) in indexed.index else None
                shown = None if _missing(value) else (100.0 * float(value) if as_pct else float(value))
                z_row.append(shown)
                suffix = "%" if as_pct else ""
                text_row.append("" if shown is None else f"{shown:,.0f}{suffix}<br><sub>n={int(tickets or 0):,}</sub>")
            z.append(z_row)
            text.append(text_row)
        figure.add_trace(
            go.Heatmap(
                z=z, x=priorities, y=channels, text=text, texttemplate="%{text}", textfont={"size": 11},
                colorscale=scale, reversescale=False, showscale=False, xgap=2, ygap=2,
                zmin=0 if not as_pct else None,
                hovertemplate="%{y}, %{x}: %{z:,.1f}" + ("%" if as_pct else " min") + "<extra></extra>",
                name=measure_title,
            ),
            row=1, col=position,
        )
    _style(figure, height=320)
    figure.update_yaxes(autorange="reversed", showgrid=False)
    figure.update_xaxes(showgrid=False, side="bottom")
    return Panel(key=key, title=title, subtitle=subtitle, figure=figure, wide=True, height=320)


def group_panel(groups: pd.DataFrame | None) -> Panel:
    """fct_tickets per support group: tickets, median first reply and first-reply SLA attainment."""
    key, title = "groups", "Support groups: volume, speed and SLA"
    subtitle = "All tickets of the period by group_name (fct_tickets); the largest groups by tickets."
    if is_empty(groups):
        return no_data_panel(key, title, subtitle, missing_reason(groups, "fct_tickets (group_name)"))
    frame = groups.sort_values(["tickets", "group_name"], ascending=[False, True]).head(TOP_GROUPS).iloc[::-1]
    if len(groups) > TOP_GROUPS:
        subtitle += f" Top {TOP_GROUPS} of {len(groups):,}."
    names = [_label(name) for name in frame["group_name"].fillna("(no group)")]
    measures = [(column, label, colour, fmt) for column, label, colour, fmt in (
        ("tickets", "Tickets", PRIMARY, "{:,.0f}"),
        ("median_first_reply_minutes", "Median first reply (min)", PRIMARY, "{:,.0f}"),
        ("first_reply_sla_attainment_rate", "First-reply SLA (%)", GOOD, "{:.0f}%"),
    ) if has_values(frame, column)]
    figure = make_subplots(rows=1, cols=len(measures), shared_yaxes=True, horizontal_spacing=0.04,
                           subplot_titles=[measure[1] for measure in measures])
    for position, (column, _name, colour, fmt) in enumerate(measures, start=1):
        values = (_pct(frame[column]) if column.endswith("_rate")
                  else [None if _missing(v) else float(v) for v in frame[column]])
        figure.add_trace(
            go.Bar(x=values, y=names, orientation="h", marker_color=colour,
                   text=["" if _missing(v) else fmt.format(v) for v in values], textposition="auto",
                   cliponaxis=False, hovertemplate="%{y}: %{x:,.1f}<extra></extra>"),
            row=1, col=position,
        )
    _style(figure, height=360)
    figure.update_xaxes(showticklabels=False, showgrid=False)
    return Panel(key=key, title=title, subtitle=subtitle, figure=figure)


def agent_panel(agents: pd.DataFrame | None) -> Panel:
    """The agents who solved the most tickets in the latest month (columns agent, tickets = tickets
    solved, optional median_first_reply_minutes, csat_satisfied_share and period_start)."""
    key, title = "agents", "Agents: the ten who solved the most"
    subtitle = ("Tickets solved, median first reply of the tickets each answered first and CSAT of the tickets "
                "each solved (mart_agent_performance, latest month; bots left out, agents pseudonymised).")
    if is_empty(agents):
        return no_data_panel(key, title, subtitle, missing_reason(agents, "mart_agent_performance")
                             + " Agent highlights appear once the project builds it.")
    if "period_start" in agents and agents["period_start"].notna().any():
        month = pd.Timestamp(agents["period_start"].dropna().iloc[0]).strftime("%Y-%m")
        subtitle = subtitle.replace("latest month", f"month {month}")
    frame = agents.sort_values(["tickets", "agent"], ascending=[False, True]).head(10).iloc[::-1]
    measures = [(column, label) for column, label in (
        ("tickets", "Tickets solved"),
        ("median_first_reply_minutes", "Median first reply (min)"),
        ("csat_satisfied_share", "CSAT satisfied (%)"),
    ) if column == "tickets" or has_values(frame, column)]
    figure = make_subplots(rows=1, cols=len(measures), shared_yaxes=True, horizontal_spacing=0.04,
                           subplot_titles=[label for _column, label in measures])
    names = [str(name) for name in frame["agent"]]
    for position, (column, _label) in enumerate(measures, start=1):
        if column == "csat_satisfied_share":
            values, colour, fmt, unit = _pct(frame[column]), GOOD, "{:.0f}%", "%"
        else:
            values = [None if _missing(v) else float(v) for v in frame[column]]
            colour, fmt, unit = PRIMARY, "{:,.0f}", " min" if column != "tickets" else " tickets"
        # an agent without a value (no first reply, no CSAT answer) gets no bar rather than an empty one
        shown = [(name, value) for name, value in zip(names, values, strict=True) if value is not None]
        figure.add_trace(go.Bar(x=[value for _name, value in shown], y=[name for name, _value in shown],
                                orientation="h", marker_color=colour,
                                text=[fmt.format(value) for _name, value in shown], textposition="auto",
                                hovertemplate="%{y}: %{x:,.1f}" + unit + "<extra></extra>"), row=1, col=position)
    _style(figure, height=360)
    figure.update_xaxes(showticklabels=False, showgrid=False)
    return Panel(key=key, title=title, subtitle=subtitle, figure=figure)


# --- social and voice of the customer ---------------------------------------------------------


def social_panel(brands: pd.DataFrame | None) -> Panel:
    """Per brand (the largest by conversations): share answered and conversations unanswered now."""
    key, title = "social", "Social responsiveness by brand"
    subtitle = ("Conversations of the period per brand (mart_social_responsiveness); unanswered = "
                "conversations still waiting for a brand reply at the as-of time (unanswered_social_posts).")
    if is_empty(brands) or not brands["conversations"].fillna(0).sum():
        return no_data_panel(key, title, subtitle, missing_reason(brands, "mart_social_responsiveness"))
    if len(brands) > TOP_BRANDS:
        subtitle += f" The {TOP_BRANDS} largest of {len(brands):,} brands."
    frame = brands.sort_values(["conversations", "brand"], ascending=[False, True]).head(TOP_BRANDS).iloc[::-1]
    names = [str(name) for name in frame["brand"].fillna("(unattributed)")]
    rates = _pct(frame["response_rate"])
    unanswered = [0.0 if _missing(v) else float(v) for v in frame["unanswered_posts"]]
    figure = make_subplots(rows=1, cols=2, shared_yaxes=True, horizontal_spacing=0.04,
                           subplot_titles=["Conversations answered (%)", "Unanswered conversations (count)"])
    figure.add_trace(go.Bar(x=rates, y=names, orientation="h", marker_color=GOOD,
                            text=["" if v is None else f"{v:.0f}%" for v in rates], textposition="auto",
                            customdata=frame["conversations"],
                            hovertemplate="%{y}: %{x:.1f}% of %{customdata:,} answered<extra></extra>"),
                     row=1, col=1)
    figure.add_trace(go.Bar(x=unanswered, y=names, orientation="h", marker_color=BAD,
                            text=[f"{v:,.0f}" for v in unanswered], textposition="auto",
                            hovertemplate="%{y}: %{x:,.0f} unanswered<extra></extra>"), row=1, col=2)
    if not any(unanswered):
        figure.add_annotation(text="none waiting", xref="x2 domain", yref="y2 domain", x=0.5, y=0.5,
                              showarrow=False, font={"size": 13, "color": MUTED})
    _style(figure, height=360)
    figure.update_xaxes(range=[0, 100], row=1, col=1)
    figure.update_xaxes(showticklabels=False, showgrid=False)
    return Panel(key=key, title=title, subtitle=subtitle, figure=figure)


CONTACT_LABELS = {"social_conversation": "Social post", "ticket": "Ticket", "any": "Any contact"}


def promoter_gap_panel(gap: pd.DataFrame | None) -> Panel:
    """Promoter share of NPS answers after an answered vs an unanswered latest contact."""
    key, title = "promoter_gap", "Promoters after answered vs unanswered contacts"
    subtitle = ("Share of NPS answers that are promoters (9–10), by whether the customer's latest contact "
                "before answering was answered (mart_advocacy_by_service_experience, all periods).")
    if is_empty(gap):
        return no_data_panel(key, title, subtitle, missing_reason(gap, "mart_advocacy_by_service_experience"))
    answers = gap[["responses_after_answered", "responses_after_unanswered", "responses_without_contact"]]
    if not answers.fillna(0).to_numpy().sum():
        return no_data_panel(key, title, subtitle, "No NPS answers in this database.")
    order = [c for c in CONTACT_LABELS if c in set(gap["contact_type"])] + sorted(
        c for c in set(gap["contact_type"]) if c not in CONTACT_LABELS)
    frame = gap.set_index("contact_type").loc[order]
    labels = [CONTACT_LABELS.get(c, _label(c)) for c in order]
    figure = go.Figure()
    bars = (("answered", "Contact answered", GOOD), ("unanswered", "Contact unanswered", BAD),
            ("without_contact", "No contact", NEUTRAL))
    for suffix, name, colour in bars:
        responses = frame[f"responses_{'after_' if suffix != 'without_contact' else ''}{suffix}"].astype(float)
        promoters = frame[f"promoters_{'after_' if suffix != 'without_contact' else ''}{suffix}"].astype(float)
        shares = [None if n == 0 or _missing(n) else 100.0 * p / n for p, n in zip(promoters, responses, strict=True)]
        figure.add_trace(go.Bar(
            x=labels, y=shares, name=name, marker_color=colour,
            text=["" if s is None else f"{s:.0f}%" for s in shares], textposition="outside", cliponaxis=False,
            customdata=responses, hovertemplate="%{x}: %{y:.1f}% promoters of %{customdata:,} answers"
                                                f"<extra>{name}</extra>"))
    answered = _shares(frame, "after_answered")
    unanswered = _shares(frame, "after_unanswered")
    for label, a, u in zip(labels, answered, unanswered, strict=True):
        if a is not None and u is not None:
            figure.add_annotation(x=label, y=max(a, u) + 14, text=f"gap {a - u:+.0f} pts", showarrow=False,
                                  font={"size": 12, "color": INK})
    _style(figure, height=360, legend=True)
    top = max([v for v in answered + unanswered if v is not None] + [0])
    figure.update_layout(barmode="group", yaxis={"title": "promoters (% of NPS answers)",
                                                  "range": [0, min(100, top + 25) if top else 100]})
    return Panel(key=key, title=title, subtitle=subtitle, figure=figure)


def _shares(frame: pd.DataFrame, suffix: str) -> list[float | None]:
    return [None if _missing(n) or n == 0 else 100.0 * float(p) / float(n)
            for p, n in zip(frame[f"promoters_{suffix}"], frame[f"responses_{suffix}"], strict=True)]


# --- loyalty ------------------------------------------------------------------------------------

ODDS_RATIO_TICKS = (0.05, 0.1, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10, 20)
DRIVER_LABELS = {
    "has_sla_breach": "First-reply SLA breached",
    "has_unanswered_social": "Social post unanswered",
    "has_reopen": "Ticket reopened",
    "has_negative_sentiment": "Negative feedback sentiment",
}


def churn_driver_panel(drivers: pd.DataFrame | None, model_note: str | None = None) -> Panel:
    """Forest plot: odds ratio of churning with each driver, 95 % confidence interval, log scale."""
    key, title = "churn_drivers", "Churn drivers: odds ratios"
    subtitle = ("Logistic regression of churn on each experience driver, controls held equal "
                "(mart_loyalty_impact). Dot = odds ratio, bar = 95 % CI; right of 1 = more churn. "
                "Red: CI above 1; green: below 1; amber: includes 1.")
    if is_empty(drivers):
        reason = missing_reason(drivers, "mart_loyalty_impact (churn drivers)")
        if model_note:
            reason = f"No model: {model_note}"
        return no_data_panel(key, title, subtitle, reason)
    frame = drivers.dropna(subset=["odds_ratio"]).sort_values("odds_ratio")
    if frame.empty:
        return no_data_panel(key, title, subtitle, "The churn model gave no odds ratio.")
    labels = [DRIVER_LABELS.get(label, _label(label)) for label in frame["label"]]
    colours = [BAD if low > 1 else GOOD if high < 1 else WARN
               for low, high in zip(frame["ci_low"], frame["ci_high"], strict=True)]
    figure = go.Figure(go.Scatter(
        x=frame["odds_ratio"], y=labels, mode="markers",
        marker={"size": 12, "color": colours, "line": {"color": "white", "width": 1}},
        error_x={"type": "data", "symmetric": False, "array": frame["ci_high"] - frame["odds_ratio"],
                 "arrayminus": frame["odds_ratio"] - frame["ci_low"], "color": MUTED, "thickness": 2, "width": 6},
        customdata=list(zip(frame["ci_low"], frame["ci_high"], frame["p_value"], frame["customers"], strict=True)),
        hovertemplate="%{y}: odds ratio %{x:.2f} (95% CI %{customdata[0]:.2f}–%{customdata[1]:.2f}, "
                      "p=%{customdata[2]:.3f}, %{customdata[3]:,} customers)<extra></extra>",
    ))
    figure.add_vline(x=1, line={"color": NEUTRAL, "dash": "dash", "width": 1})
    _style(figure, height=360)
    low = min(float(frame["ci_low"].min()), float(frame["odds_ratio"].min()), 1.0)
    high = max(float(frame["ci_high"].max()), float(frame["odds_ratio"].max()), 1.0)
    ticks = [tick for tick in ODDS_RATIO_TICKS if low / 1.3 <= tick <= high * 1.3]
    figure.update_xaxes(type="log", title="odds ratio (log scale)", tickvals=ticks,
                        ticktext=[f"{tick:g}" for tick in ticks],
                        range=[math.log10(low) - 0.1, math.log10(high) + 0.1])
    if model_note:
        figure.add_annotation(text=model_note, xref="paper", yref="paper", x=0, y=-0.3, showarrow=False,
                              xanchor="left", font={"size": 10, "color": MUTED})
    return Panel(key=key, title=title, subtitle=subtitle, figure=figure)


def revenue_panel(revenue: pd.DataFrame | None) -> Panel:
    """Expected annual revenue lost among the customers above the churn-risk threshold, by segment,
    and what bringing each driver to its target rate would keep."""
    key, title = "revenue", "Revenue at risk and upside"
    subtitle = ("Expected annual revenue lost = Σ annual revenue × modelled churn probability, over active "
                "customers above the risk threshold; upside = revenue kept if each driver fell to its "
                "target rate (mart_loyalty_impact). Currency of annual_revenue.")
    if is_empty(revenue):
        return no_data_panel(key, title, subtitle, missing_reason(revenue, "mart_loyalty_impact (revenue)"))
    figures_present = revenue["revenue_at_risk"].notna() | (revenue["upside"].notna() if "upside" in revenue else False)
    if not figures_present.any():
        notes = [note for note in revenue.get("note", pd.Series(dtype="object")).dropna()]
        return no_data_panel(key, title, subtitle, notes[0] if notes else "mart_loyalty_impact has no revenue figures.")
    revenue = revenue[figures_present]
    at_risk = revenue[(revenue["row_type"] == "revenue_at_risk") & (revenue["label"] != "all")]
    upside = revenue[revenue["row_type"] == "revenue_upside"]
    total = revenue[(revenue["row_type"] == "revenue_at_risk") & (revenue["label"] == "all")]
    if at_risk.empty and upside.empty and total.empty:
        return no_data_panel(key, title, subtitle, "mart_loyalty_impact has no revenue rows.")
    figure = make_subplots(rows=1, cols=2, horizontal_spacing=0.22,
                           subplot_titles=["At risk by segment", "Upside if drivers reach target"])
    if at_risk.empty and not total.empty:
        at_risk = total
    at_risk = at_risk.sort_values("revenue_at_risk")
    segments = [_label(str(label).removeprefix("segment=")) for label in at_risk["label"]]
    figure.add_trace(go.Bar(
        x=at_risk["revenue_at_risk"].astype(float), y=segments, orientation="h", marker_color=BAD,
        text=[_fmt_number(v) for v in at_risk["revenue_at_risk"]], textposition="auto",
        customdata=at_risk["customers"],
        hovertemplate="%{y}: %{x:,.0f} expected loss, %{customdata:,} customers at risk<extra></extra>"),
        row=1, col=1)
    if not upside.empty:
        upside = upside.sort_values("upside")
        names = [DRIVER_LABELS.get(str(label).removesuffix("_to_target"), _label(str(label).removesuffix("_to_target")))
                 .replace("all", "All drivers") for label in upside["label"]]
        figure.add_trace(go.Bar(
            x=upside["upside"].astype(float), y=names, orientation="h", marker_color=GOOD,
            text=[_fmt_number(v) for v in upside["upside"]], textposition="auto",
            hovertemplate="%{y}: %{x:,.0f} revenue kept<extra></extra>"), row=1, col=2)
    _style(figure, height=360)
    figure.update_xaxes(showticklabels=False, showgrid=False)
    if not total.empty:
        row = total.iloc[0]
        figure.add_annotation(
            text=f"Total at risk: {_fmt_number(row['revenue_at_risk'])} from "
                 f"{0 if _missing(row['customers']) else int(row['customers']):,} customers",
            xref="paper", yref="paper", x=0, y=-0.08, showarrow=False, xanchor="left",
            font={"size": 12, "color": INK})
        figure.update_layout(margin={"b": 36})
    return Panel(key=key, title=title, subtitle=subtitle, figure=figure)


# --- quality ----------------------------------------------------------------------------------


def feedback_completeness_panel(completeness: pd.DataFrame | None) -> Panel:
    """Stacked shares per feedback channel: accounted for, open within target, open past target."""
    key, title = "feedback", "Feedback completeness by channel"
    subtitle = ("Every feedback item received in the period and its state at the as-of time "
                "(mart_feedback_completeness): complete = accounted for.")
    if is_empty(completeness) or not completeness["items_received"].fillna(0).sum():
        return no_data_panel(key, title, subtitle, missing_reason(completeness, "mart_feedback_completeness"))
    order = _ordered(completeness["feedback_channel"], FEEDBACK_CHANNEL_ORDER)
    frame = completeness.set_index("feedback_channel").loc[order]
    received = frame["items_received"].astype(float)
    labels = [f"{_label(channel)}<br><sub>{int(n):,} items</sub>" for channel, n in zip(order, received, strict=True)]
    figure = go.Figure()
    for column, name, colour in (("items_accounted_for", "Accounted for", GOOD),
                                 ("items_open_within_target", "Open, within target", WARN),
                                 ("items_open_past_target", "Open, past target", BAD)):
        shares = [None if n == 0 else 100.0 * float(v) / n for v, n in zip(frame[column], received, strict=True)]
        figure.add_trace(go.Bar(
            x=shares, y=labels, orientation="h", name=name, marker_color=colour,
            text=["" if s is None or s < 4 else f"{s:.0f}%" for s in shares], textposition="inside",
            insidetextanchor="middle", customdata=frame[column],
            hovertemplate="%{customdata:,} items (%{x:.1f}%)" + f"<extra>{name}</extra>"))
    _style(figure, height=300, legend=True)
    figure.update_layout(barmode="stack", legend={"traceorder": "normal"},
                         xaxis={"range": [0, 100], "title": "% of items received"},
                         yaxis={"autorange": "reversed"})
    return Panel(key=key, title=title, subtitle=subtitle, figure=figure, height=300)


def quarantine_panel(quarantine: pd.DataFrame | None) -> Panel:
    """Raw rows quarantined per table and rule (reject_reason on rejected_column); a field-level
    finding (finding_level 'field': the row was staged with that one field nulled) is marked."""
    key, title = "quarantine", "Quarantined raw rows by table and rule"
    subtitle = ("Raw rows that broke a data rule and were kept aside instead of staged "
                "(mart_quarantine_summary); label = table · rule (column); "
                "'field nulled' = the row was staged without that one value.")
    if quarantine is None:
        return no_data_panel(key, title, subtitle, missing_reason(quarantine, "mart_quarantine_summary"))
    if quarantine.empty or float(quarantine["rejected_rows"].sum()) == 0:
        return no_data_panel(key, title, subtitle, "No rows quarantined: every raw row passed the data rules.")
    frame = quarantine.sort_values(["rejected_rows", "source_table", "reject_reason"],
                                   ascending=[False, True, True]).head(TOP_QUARANTINE_RULES).iloc[::-1]
    levels = frame["finding_level"] if "finding_level" in frame else pd.Series("row", index=frame.index)
    labels = [f"{table} · {_label(reason)} ({column}){' · field nulled' if level == 'field' else ''}"
              for table, reason, column, level
              in zip(frame["source_table"], frame["reject_reason"], frame["rejected_column"], levels, strict=True)]
    figure = go.Figure(go.Bar(
        x=frame["rejected_rows"].astype(float), y=labels, orientation="h", marker_color=WARN,
        text=[f"{int(v):,}" for v in frame["rejected_rows"]], textposition="outside", cliponaxis=False,
        hovertemplate="%{y}: %{x:,.0f} rows<extra></extra>"))
    height = max(300, 70 + 24 * len(frame))
    _style(figure, height=height)
    figure.update_xaxes(title="rows quarantined", rangemode="tozero", tickformat=",d", showgrid=False,
                        showticklabels=False)
    return Panel(key=key, title=title, subtitle=subtitle, figure=figure, height=height)


# --- headline tiles -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Tile:
    """A headline number of the page header: the latest complete month and its change."""

    label: str
    value: str
    change: str
    good: bool | None  # the change is good news (True), bad (False), or neither (None)


# (column, label, share in %, unit, higher is better)
TILE_METRICS: tuple[tuple[str, str, bool, str, bool], ...] = (
    ("nps", "NPS", False, "", True),
    ("csat", "CSAT", True, "%", True),
    ("median_first_reply_minutes", "Median first reply", False, " min", False),
    ("first_reply_sla_attainment_rate", "First-reply SLA", True, "%", True),
    ("social_response_rate", "Social answered", True, "%", True),
    ("feedback_completeness_rate", "Feedback complete", True, "%", True),
    ("churn_rate", "Churn", True, "%", False),
)


def scorecard_tiles(scorecard: pd.DataFrame | None) -> tuple[str | None, list[Tile]]:
    """The latest complete month of mart_cx_scorecard (the current month is provisional) and one
    tile per measure with its change from the month before; (None, []) without data."""
    if is_empty(scorecard):
        return None, []
    frame = scorecard.sort_values("month_start_date").reset_index(drop=True)
    complete = frame[~frame["is_latest_month"].fillna(False).astype(bool)] if "is_latest_month" in frame else frame
    if complete.empty:
        complete = frame
    current = complete.iloc[-1]
    previous = complete.iloc[-2] if len(complete) > 1 else None
    month = pd.Timestamp(current["month_start_date"]).strftime("%B %Y")
    tiles = []
    for column, label, as_pct, unit, higher_is_better in TILE_METRICS:
        if column not in frame:
            continue
        value = current[column]
        if _missing(value):
            continue  # no tile for a measure without data (the scorecard panel names them)
        scale = 100.0 if as_pct else 1.0
        shown = scale * float(value)
        change, good = "", None
        if previous is not None and not _missing(previous[column]):
            delta = shown - scale * float(previous[column])
            points = " pts" if as_pct or column == "nps" else unit
            change = f"{delta:+.1f}{points} vs previous month"
            good = None if abs(delta) < 0.05 else (delta > 0) == higher_is_better
        tiles.append(Tile(label, f"{shown:,.1f}{unit}", change, good))
    return month, tiles
