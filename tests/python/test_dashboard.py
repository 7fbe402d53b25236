"""The CX dashboard's pure parts: figure building from small frames, the page writer, the
schema lookup and the build on a tiny hand-made database (no dbt build, no browser)."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from cx_metrics.dashboard import build_dashboard, figures, queries
from cx_metrics.dashboard.html import PageInfo, render_page

# --- figures --------------------------------------------------------------------------------


def scorecard_frame() -> pd.DataFrame:
    return pd.DataFrame({
        "month_start_date": pd.to_datetime(["2026-01-01", "2026-02-01", "2026-03-01"]),
        "tickets": [100.0, 120.0, 40.0],
        "nps": [10.0, -5.0, 20.0],
        "csat": [0.8, 0.9, 0.85],
        "median_first_reply_minutes": [60.0, 50.0, 70.0],
        "first_reply_sla_attainment_rate": [0.9, 0.95, 0.9],
        "social_response_rate": [0.7, 0.75, 0.5],
        "feedback_completeness_rate": [0.9, 0.92, 0.8],
        "churn_rate": [0.01, 0.02, 0.03],
        "is_latest_month": [False, False, True],
    })


def test_scorecard_panel_draws_one_small_multiple_per_measure_in_percent():
    panel = figures.scorecard_panel(scorecard_frame())
    assert panel.has_chart and panel.wide
    traces = {trace.name: trace for trace in panel.figure.data}
    assert len(traces) == 8
    # shares are shown in %: CSAT 0.8 -> 80
    assert list(traces["CSAT: satisfied answers, 4–5 (%)"].y) == pytest.approx([80.0, 90.0, 85.0])
    assert list(traces["NPS (−100 to 100)"].y) == [10.0, -5.0, 20.0]
    # the provisional latest month is hollow
    assert list(traces["Tickets created"].marker.color) == [figures.PRIMARY, figures.PRIMARY, "white"]


def test_scorecard_panel_leaves_out_measures_without_any_value():
    frame = scorecard_frame().assign(nps=None, csat=None)
    panel = figures.scorecard_panel(frame)
    assert len(panel.figure.data) == 6
    assert "No data for: NPS, CSAT." in panel.subtitle


@pytest.mark.parametrize("frame, reason", [
    (None, "mart_cx_scorecard is not built in this database."),
    (scorecard_frame().iloc[0:0], "mart_cx_scorecard has no rows."),
])
def test_missing_or_empty_mart_gives_a_no_data_panel(frame, reason):
    panel = figures.scorecard_panel(frame)
    assert panel.figure is None and panel.no_data == reason


def test_service_panel_heatmaps_channel_by_priority_in_natural_order():
    service = pd.DataFrame({
        "channel": ["phone", "email", "email"],
        "priority": ["urgent", "low", "urgent"],
        "tickets": [5, 10, 2],
        "median_first_reply_minutes": [3.0, 90.0, 10.0],
        "first_reply_sla_attainment_rate": [1.0, 0.5, None],
        "resolution_rate": [0.8, 0.9, 1.0],
    })
    panel = figures.service_panel(service, resolution_window_days=7)
    minutes, sla, resolved = panel.figure.data
    assert list(minutes.y) == ["email", "phone"] and list(minutes.x) == ["low", "urgent"]
    # rows = channels, columns = priorities; a missing combination stays empty
    assert [list(row) for row in minutes.z] == [[90.0, 10.0], [None, 3.0]]
    assert [list(row) for row in sla.z] == [[50.0, None], [None, 100.0]]
    assert "n=10" in minutes.text[0][0]
    assert "Resolved within 7 days (%)" in [a.text for a in panel.figure.layout.annotations]


def test_group_panel_shows_the_largest_groups_first():
    groups = pd.DataFrame({
        "group_name": [f"g{i:02d}" for i in range(12)],
        "tickets": list(range(1, 13)),
        "median_first_reply_minutes": [10.0] * 12,
        "first_reply_sla_attainment_rate": [0.5] * 12,
    })
    panel = figures.group_panel(groups)
    tickets, minutes, sla = panel.figure.data
    # horizontal bars are drawn bottom-up: the largest group is last (on top)
    assert list(tickets.y)[-1] == "g11" and len(tickets.y) == figures.TOP_GROUPS
    assert list(sla.x) == [50.0] * figures.TOP_GROUPS
    assert "Top 10 of 12." in panel.subtitle


def test_agent_panel_without_the_mart_says_so():
    panel = figures.agent_panel(None)
    assert panel.figure is None
    assert panel.no_data.startswith("mart_agent_performance is not built in this database.")


def test_agent_panel_draws_the_busiest_agents():
    agents = pd.DataFrame({"agent": ["a", "b"], "tickets": [3.0, 7.0], "median_first_reply_minutes": [1.0, None]})
    panel = figures.agent_panel(agents)
    assert list(panel.figure.data[0].y) == ["a", "b"]
    # b has no median first reply: no bar for b (an empty bar would still be drawn)
    assert list(panel.figure.data[1].y) == ["a"] and list(panel.figure.data[1].x) == [1.0]


def test_agent_panel_shows_csat_and_the_month():
    agents = pd.DataFrame({"agent": ["agent aaaa", "agent bbbb"], "tickets": [3.0, 7.0],
                           "median_first_reply_minutes": [12.0, 30.0], "csat_satisfied_share": [0.5, None],
                           "period_start": pd.to_datetime(["2026-03-01", "2026-03-01"])})
    panel = figures.agent_panel(agents)
    tickets, reply, csat = panel.figure.data
    assert list(reply.y) == ["agent aaaa", "agent bbbb"] and list(reply.x) == [12.0, 30.0]
    assert list(csat.y) == ["agent aaaa"] and list(csat.x) == [50.0]
    assert "month 2026-03" in panel.subtitle


def test_load_agents_reads_the_latest_month_of_the_mart():
    with duckdb.connect() as connection:
        connection.execute("create schema main_marts")
        connection.execute(
            "create table main_marts.mart_agent_performance as select * from (values "
            "('month', date '2026-02-01', 'aaaaaaaa0123', 9, 5.0, 1.0), "
            "('month', date '2026-03-01', 'aaaaaaaa0123', 2, 12.0, 0.5), "
            "('week', date '2026-03-09', 'aaaaaaaa0123', 1, 3.0, 0.0), "
            "('month', date '2026-03-01', 'bbbbbbbb4567', 4, null, null)"
            ") as t(period_type, period_start, agent_key, tickets_solved, first_reply_median_minutes, "
            "csat_satisfied_share)"
        )
        agents = queries.load_agents(queries.Warehouse(connection, queries.Schemas()))
    rows = agents.sort_values("agent")[["agent", "tickets", "median_first_reply_minutes"]].values.tolist()
    assert rows[0] == ["agent aaaaaaaa", 2.0, 12.0]
    assert rows[1][:2] == ["agent bbbbbbbb", 4.0] and pd.isna(rows[1][2])


def test_social_panel_rates_and_unanswered_counts_per_brand():
    brands = pd.DataFrame({"brand": ["x", "y"], "conversations": [10.0, 4.0],
                           "response_rate": [0.75, 0.5], "unanswered_posts": [2.0, None]})
    panel = figures.social_panel(brands)
    rates, unanswered = panel.figure.data
    assert list(rates.y) == ["y", "x"] and list(rates.x) == [50.0, 75.0]
    assert list(unanswered.x) == [0.0, 2.0]


def test_promoter_gap_panel_computes_shares_and_the_gap():
    gap = pd.DataFrame({
        "contact_type": ["ticket", "social_conversation"],
        "responses_after_answered": [4.0, 10.0], "promoters_after_answered": [3.0, 6.0],
        "responses_after_unanswered": [4.0, 0.0], "promoters_after_unanswered": [1.0, 0.0],
        "responses_without_contact": [2.0, 2.0], "promoters_without_contact": [1.0, 1.0],
    })
    panel = figures.promoter_gap_panel(gap)
    answered, unanswered, without = panel.figure.data
    assert list(answered.x) == ["Social post", "Ticket"]
    assert list(answered.y) == [60.0, 75.0]
    assert list(unanswered.y) == [None, 25.0]   # no answers after an unanswered post: no bar
    assert [a.text for a in panel.figure.layout.annotations] == ["gap +50 pts"]


def test_promoter_gap_panel_without_answers_is_no_data():
    gap = pd.DataFrame({"contact_type": ["ticket"], **{f"{kind}_{when}": [0.0] for kind in ("responses", "promoters")
                        for when in ("after_answered", "after_unanswered", "without_contact")}})
    assert figures.promoter_gap_panel(gap).no_data == "No NPS answers in this database."


def drivers_frame() -> pd.DataFrame:
    return pd.DataFrame({
        "label": ["has_sla_breach", "has_reopen", "has_unanswered_social"],
        "customers": [10, 20, 30],
        "odds_ratio": [2.0, 0.5, 1.2], "ci_low": [1.5, 0.3, 0.8], "ci_high": [3.0, 0.9, 1.8],
        "p_value": [0.001, 0.01, 0.4],
    })


def test_churn_driver_panel_is_a_forest_plot_on_a_log_axis():
    panel = figures.churn_driver_panel(drivers_frame(), "ok: logit fitted")
    (trace,) = panel.figure.data
    assert list(trace.y) == ["Ticket reopened", "Social post unanswered", "First-reply SLA breached"]
    # CI entirely above 1 -> red, below 1 -> green, across 1 -> amber
    assert list(trace.marker.color) == [figures.GOOD, figures.WARN, figures.BAD]
    assert list(trace.error_x.array) == pytest.approx([0.4, 0.6, 1.0])
    assert list(trace.error_x.arrayminus) == pytest.approx([0.2, 0.4, 0.5])
    assert panel.figure.layout.xaxis.type == "log"


def test_churn_driver_panel_without_a_model_shows_why():
    panel = figures.churn_driver_panel(drivers_frame().iloc[0:0], "no model: only one outcome class")
    assert panel.figure is None and panel.no_data == "No model: no model: only one outcome class"


def test_revenue_panel_by_segment_and_upside():
    revenue = pd.DataFrame({
        "row_type": ["revenue_at_risk", "revenue_at_risk", "revenue_at_risk", "revenue_upside"],
        "label": ["all", "segment=smb", "segment=enterprise", "has_sla_breach_to_target"],
        "customers": [30, 10, 20, 100],
        "revenue_at_risk": [300.0, 100.0, 200.0, 1000.0],
        "upside": [None, None, None, 50.0],
    })
    panel = figures.revenue_panel(revenue)
    at_risk, upside = panel.figure.data
    assert list(at_risk.y) == ["smb", "enterprise"] and list(at_risk.x) == [100.0, 200.0]
    assert list(upside.y) == ["First-reply SLA breached"] and list(upside.x) == [50.0]
    assert "Total at risk: 300 from 30 customers" in [a.text for a in panel.figure.layout.annotations]


def test_feedback_completeness_panel_stacks_states_to_100_percent():
    completeness = pd.DataFrame({
        "feedback_channel": ["social", "ticket"],
        "items_received": [4.0, 10.0], "items_accounted_for": [2.0, 9.0],
        "items_open_within_target": [1.0, 0.0], "items_open_past_target": [1.0, 1.0],
    })
    panel = figures.feedback_completeness_panel(completeness)
    shares = [list(trace.x) for trace in panel.figure.data]
    assert shares == [[90.0, 50.0], [0.0, 25.0], [10.0, 25.0]]   # ticket first, then social
    assert panel.figure.layout.barmode == "stack"


def test_quarantine_panel_labels_table_rule_and_column():
    quarantine = pd.DataFrame({"source_table": ["tickets", "customers"], "reject_reason": ["null_key", "orphan"],
                               "rejected_column": ["ticket_id", "customer_id"], "rejected_rows": [5.0, 1.0]})
    (trace,) = figures.quarantine_panel(quarantine).figure.data
    assert list(trace.y) == ["customers · orphan (customer_id)", "tickets · null key (ticket_id)"]


def test_quarantine_panel_marks_field_level_findings():
    quarantine = pd.DataFrame({"source_table": ["customers", "tickets"],
                               "reject_reason": ["unparseable_value", "null_key"],
                               "rejected_column": ["annual_revenue", "ticket_id"],
                               "finding_level": ["field", "row"], "rejected_rows": [2.0, 1.0]})
    (trace,) = figures.quarantine_panel(quarantine).figure.data
    assert list(trace.y) == ["tickets · null key (ticket_id)",
                             "customers · unparseable value (annual_revenue) · field nulled"]


def test_quarantine_panel_when_nothing_was_quarantined():
    empty = pd.DataFrame(columns=["source_table", "reject_reason", "rejected_column", "rejected_rows"])
    panel = figures.quarantine_panel(empty)
    assert panel.figure is None and panel.no_data.startswith("No rows quarantined")


def test_scorecard_tiles_use_the_latest_complete_month():
    month, tiles = figures.scorecard_tiles(scorecard_frame())
    assert month == "February 2026"   # March is the provisional current month
    by_label = {tile.label: tile for tile in tiles}
    assert by_label["CSAT"].value == "90.0%" and by_label["CSAT"].good is True
    assert by_label["NPS"].change == "-15.0 pts vs previous month" and by_label["NPS"].good is False
    assert by_label["Median first reply"].good is True   # faster is better
    assert by_label["Churn"].good is False


# --- page writer ----------------------------------------------------------------------------


def test_page_is_self_contained_with_one_card_per_panel():
    panels = [figures.scorecard_panel(scorecard_frame()), figures.agent_panel(None)]
    info = PageInfo("CX", "demo.duckdb", "2026-01-01 to 2026-03-31", "2026-03-31 12:00 UTC", "now")
    page = render_page(info, panels, figures.scorecard_tiles(scorecard_frame())[1])
    assert page.count("<script") == page.count("</script>")
    assert not re.search(r"""<(script|link|img|iframe)[^>]+(src|href)=["']?(https?:)?//""", page)
    assert page.count('class="plotly-graph-div"') == 1
    assert 'data-panel="scorecard" data-state="chart"' in page
    assert 'data-panel="agents" data-state="no-data"' in page
    assert "As of: <b>2026-03-31 12:00 UTC</b>" in page and "2026-01-01 to 2026-03-31" in page


# --- schemas and the build on a tiny database ----------------------------------------------------


def test_project_schemas_follow_the_project_conventions(tmp_path):
    assert queries.project_schemas() == queries.Schemas("main", "main_marts", "main_quarantine")
    (tmp_path / "dbt_project.yml").write_text(
        "name: p\nprofile: p\nmodels:\n  p:\n    marts:\n      +schema: bi\n")
    (tmp_path / "profiles.yml").write_text("p:\n  outputs:\n    duckdb:\n      schema: analytics\n")
    assert queries.project_schemas(tmp_path) == queries.Schemas("analytics", "analytics_bi", "analytics_quarantine")


@pytest.fixture
def tiny_database(tmp_path) -> Path:
    database = tmp_path / "tiny.duckdb"
    with duckdb.connect(str(database)) as connection:
        connection.execute("create schema main_marts")
        connection.execute("create schema other_marts")
        connection.execute("create table main_marts.mart_quarantine_summary (source_table varchar, "
                           "reject_reason varchar, rejected_column varchar, finding_level varchar, "
                           "rejected_rows bigint)")
        connection.execute("create table other_marts.fct_tickets as select 'T1' as ticket_id, 'email' as channel, "
                           "'low' as priority, 'billing' as group_name, 30.0 as first_reply_minutes, "
                           "false as is_first_reply_sla_breached, timestamp '2026-01-02 10:00' as created_at, "
                           "timestamp '2026-01-31 23:00' as as_of_at")
    return database


def test_warehouse_finds_relations_by_name(tiny_database):
    with duckdb.connect(str(tiny_database), read_only=True) as connection:
        warehouse = queries.Warehouse(connection, queries.Schemas())
        assert warehouse.relation("mart_quarantine_summary") == '"main_marts"."mart_quarantine_summary"'
        assert warehouse.relation("fct_tickets") == '"other_marts"."fct_tickets"'
        assert warehouse.relation("mart_cx_scorecard") is None
        assert queries.load_scorecard(warehouse) is None
        assert queries.load_loyalty(warehouse) == queries.Loyalty(None, None, None)


def test_build_on_a_partial_database_gives_no_data_panels(tiny_database, tmp_path):
    output = tmp_path / "out" / "index.html"
    dashboard = build_dashboard(tiny_database, output)
    states = {panel.key: panel.has_chart for panel in dashboard.panels}
    assert states == {"scorecard": False, "service": True, "groups": True, "agents": False, "social": False,
                      "promoter_gap": False, "churn_drivers": False, "revenue": False, "feedback": False,
                      "quarantine": False}
    quarantine = next(panel for panel in dashboard.panels if panel.key == "quarantine")
    assert quarantine.no_data.startswith("No rows quarantined")
    page = output.read_text()
    assert "As of: <b>2026-01-31 23:00 UTC</b>" in page and "2026-01-02 to 2026-01-02" in page


def test_build_without_a_database_fails_clearly(tmp_path):
    with pytest.raises(FileNotFoundError, match="run the dbt build first"):
        build_dashboard(tmp_path / "missing.duckdb", tmp_path / "index.html")


def test_load_loyalty_splits_the_long_mart():
    impact = pd.DataFrame({
        "row_type": ["model_fit", "churn_driver", "control", "revenue_at_risk", "revenue_upside"],
        "label": ["logit", "has_reopen", "segment=smb", "all", "all_to_target"],
        "note": ["ok: fitted", None, None, None, None],
    })
    with duckdb.connect() as connection:
        connection.execute("create schema main_marts")
        connection.register("impact_frame", impact)
        connection.execute("create table main_marts.mart_loyalty_impact as select * from impact_frame")
        loyalty = queries.load_loyalty(queries.Warehouse(connection, queries.Schemas()))
    assert list(loyalty.drivers["label"]) == ["has_reopen"]
    assert list(loyalty.revenue["row_type"]) == ["revenue_at_risk", "revenue_upside"]
    assert loyalty.model_note == "ok: fitted"
