"""The agents and groups section of the CX summary: busiest agents, fastest and best-rated groups."""

from __future__ import annotations

import duckdb

from cx_metrics.summary import build_summary, section_agents_and_groups

AGENT_COLUMNS = ("period_type, period_start, agent_key, tickets_solved, public_replies, one_touch_tickets, "
                 "reopened_tickets, csat_responses, csat_satisfied_responses, handoffs")
GROUP_COLUMNS = ("period_type, period_start, group_name, tickets_assigned, first_replied_tickets, "
                 "first_reply_median_minutes, csat_responses, csat_satisfied_responses")


def _agents(connection: duckdb.DuckDBPyConnection) -> None:
    # Agent aaaa: 3 + 2 solved over two months (week rows repeat them and must not be added).
    connection.execute(
        f"create table mart_agent_performance as select * from (values "
        f"('month', date '2026-02-01', 'aaaaaaaa11', 3, 5, 1, 1, 2, 2, 0), "
        f"('month', date '2026-03-01', 'aaaaaaaa11', 2, 1, 1, 0, 2, 1, 1), "
        f"('week', date '2026-03-02', 'aaaaaaaa11', 2, 1, 1, 0, 2, 1, 1), "
        f"('month', date '2026-03-01', 'bbbbbbbb22', 4, 4, 0, 0, 0, 0, 0)"
        f") as t({AGENT_COLUMNS})"
    )


def _groups(connection: duckdb.DuckDBPyConnection) -> None:
    # March is the latest month: tech answers faster (20 min) than billing (35 min); billing's 10
    # min in February does not count. CSAT over all months: billing 9/10, tech 3/4.
    connection.execute(
        f"create table mart_group_performance as select * from (values "
        f"('month', date '2026-02-01', 'billing', 30, 20, 10.0, 5, 5), "
        f"('month', date '2026-03-01', 'billing', 20, 10, 35.0, 5, 4), "
        f"('month', date '2026-03-01', 'tech', 25, 12, 20.0, 4, 3), "
        f"('week', date '2026-03-02', 'tech', 99, 12, 1.0, 40, 40)"
        f") as t({GROUP_COLUMNS})"
    )


def test_agents_ranked_by_tickets_solved_over_the_months():
    with duckdb.connect() as connection:
        _agents(connection)
        lines = section_agents_and_groups(connection, "main").splitlines()
    # aaaaaaaa: 5 solved, 6 replies, one-touch 2/5 = 40 %, reopened 1/5 = 20 %, CSAT 3/4 = 75 %, 1 handoff.
    assert lines[3].split() == ["aaaaaaaa", "5", "6", "40.0", "20.0", "75.0", "1"]
    # bbbbbbbb: no CSAT answers -> "-"
    assert lines[4].split() == ["bbbbbbbb", "4", "4", "0.0", "0.0", "-", "0"]
    assert "Group highlights" not in "\n".join(lines)


def test_group_highlights_fastest_latest_month_and_best_csat():
    with duckdb.connect() as connection:
        _agents(connection)
        _groups(connection)
        text = section_agents_and_groups(connection, "main")
    highlights = text.split("Group highlights\n")[1].splitlines()
    assert highlights[2].split("  ")[0] == "fastest first reply (2026-03, median min)"
    assert highlights[2].split()[-3:] == ["tech", "20.0", "12"]
    assert highlights[3].split()[-3:] == ["billing", "90.0", "10"]
    assert highlights[4].split()[-3:] == ["billing", "50", "-"]


def test_agents_section_appears_when_the_mart_exists():
    with duckdb.connect() as connection:
        assert "Agents: the 5 who solved the most" not in build_summary(connection, "main")
        _agents(connection)
        assert "Agents: the 5 who solved the most" in build_summary(connection, "main")
