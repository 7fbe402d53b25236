"""The short CX summary that `make demo` prints: headline numbers from the built marts.

Each section reads one mart and is skipped when that mart has not been built, so the summary
grows with the project. Formatting is kept apart from querying so it can be tested alone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import duckdb

Rows = list[tuple[Any, ...]]


def format_table(headers: Sequence[str], rows: Rows) -> str:
    """Render rows as a plain fixed-width text table (numbers right-aligned)."""
    cells = [[_format_cell(value) for value in row] for row in rows]
    widths = [len(header) for header in headers]
    for row in cells:
        widths = [max(width, len(cell)) for width, cell in zip(widths, row, strict=False)]
    numeric = [bool(rows) and all(_is_number(row[i]) for row in rows) for i in range(len(headers))]

    def line(values: Sequence[str]) -> str:
        return "  ".join(
            value.rjust(width) if is_number else value.ljust(width)
            for value, width, is_number in zip(values, widths, numeric, strict=False)
        ).rstrip()

    separator = "  ".join("-" * width for width in widths)
    return "\n".join([line(headers), separator, *(line(row) for row in cells)])


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _format_cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "NO"
    if isinstance(value, float):
        return f"{value:,.1f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def existing_relations(connection: duckdb.DuckDBPyConnection, schema: str) -> set[str]:
    rows = connection.execute(
        "select table_name from information_schema.tables where table_schema = ?", [schema]
    ).fetchall()
    return {name for (name,) in rows}


def section_source_reconciliation(connection: duckdb.DuckDBPyConnection, schema: str) -> str:
    rows = connection.execute(
        f"select source_table, source_rows, staged_rows, rejected_rows, is_reconciled "
        f"from {schema}.mart_source_reconciliation"
    ).fetchall()
    return "Raw rows staged and quarantined\n" + format_table(
        ["table", "raw rows", "staged", "quarantined", "adds up"], rows
    )


def section_quarantine(connection: duckdb.DuckDBPyConnection, schema: str) -> str:
    rows = connection.execute(
        f"select source_table, reject_reason, rejected_column, rejected_rows "
        f"from {schema}.mart_quarantine_summary order by source_table, reject_reason, rejected_column"
    ).fetchall()
    if not rows:
        return "Quarantined rows by reason\n(none: every raw row passed the data rules)"
    return "Quarantined rows by reason\n" + format_table(["table", "reason", "column", "rows"], rows)


# (mart the section needs, function that renders it), in the order they are printed.
SECTIONS: list[tuple[str, Callable[[duckdb.DuckDBPyConnection, str], str]]] = [
    ("mart_source_reconciliation", section_source_reconciliation),
    ("mart_quarantine_summary", section_quarantine),
]


def section_social_responsiveness(connection: duckdb.DuckDBPyConnection, schema: str, brands: int = 5) -> str:
    """The largest brands by social conversations (docs/metrics.md; orphan threads left out, as in
    mart_social_responsiveness by default): response rate and median minutes to the first reply
    over the whole period (medians come from the fact table: daily medians do not add up)."""
    rows = connection.execute(
        f"select platform, coalesce(brand, '(unattributed)') as brand, count(*) as conversations, "
        f"100.0 * avg(case when is_answered then 1 else 0 end) as response_rate_pct, "
        f"cast(median(response_minutes) as double) as median_response_minutes, "
        f"count(*) - count(first_brand_reply_at) as unanswered "
        f"from {schema}.fct_social_conversations where not is_orphan_thread "
        f"group by 1, 2 order by conversations desc, brand limit {int(brands)}"
    ).fetchall()
    return f"Social responsiveness: the {brands} largest brands\n" + format_table(
        ["platform", "brand", "conversations", "response rate %", "median response min", "unanswered"], rows
    )


SECTIONS.append(("fct_social_conversations", section_social_responsiveness))


def section_service(connection: duckdb.DuckDBPyConnection, schema: str) -> str:
    """Tickets per channel over the whole period (docs/metrics.md "Service"): median first reply in
    calendar and business minutes, first-reply SLA attainment, one-touch and reopen shares, and
    tickets unsolved now (medians come from the fact table: daily medians do not add up)."""
    rows = connection.execute(
        f"select channel, count(*) as tickets, median(first_reply_minutes)::double, "
        f"median(first_reply_business_minutes)::double, "
        f"100.0 * avg(case when is_first_reply_sla_breached then 0.0 "
        f"when not is_first_reply_sla_breached then 1.0 end), "
        f"100.0 * avg(case when is_solved then (case when is_one_touch then 1.0 else 0.0 end) end), "
        f"100.0 * avg(case when is_solved then (case when reopen_count > 0 then 1.0 else 0.0 end) end), "
        f"sum(case when is_solved then 0 else 1 end) "
        f"from {schema}.fct_tickets group by channel order by tickets desc, channel"
    ).fetchall()
    return "Service: tickets by channel\n" + format_table(
        ["channel", "tickets", "median 1st reply min", "business min", "1st reply SLA %", "one-touch %",
         "reopened %", "unsolved"], rows
    )


SECTIONS.append(("fct_tickets", section_service))


def build_summary(connection: duckdb.DuckDBPyConnection, schema: str = "main_marts") -> str:
    """The summary text for every section whose mart exists in `schema`."""
    available = existing_relations(connection, schema)
    parts = [render(connection, schema) for mart, render in SECTIONS if mart in available]
    if not parts:
        return f"No cx-metrics marts found in schema {schema}: run the dbt build first."
    return "\n\n".join(["cx-metrics summary", *parts])


def section_advocacy(connection: duckdb.DuckDBPyConnection, schema: str) -> str:
    """Voice of the customer over the whole period (docs/metrics.md): NPS, CSAT, CES and the detractor
    closed loop from mart_advocacy's counts, and the promoter gap after an answered vs an
    unanswered social conversation from mart_advocacy_by_service_experience. Both marts count
    every answer once per period type, so one period type is summed."""
    nps, nps_answers, csat, csat_answers, ces, ces_answers, follow_up, detractors = connection.execute(
        f"with one_period_type as (select * from {schema}.mart_advocacy "
        f"where period_type = (select min(period_type) from {schema}.mart_advocacy)) "
        f"select 100.0 * (sum(promoters) - sum(detractors)) / nullif(sum(promoters + passives + detractors), 0), "
        f"sum(promoters + passives + detractors), "
        f"100.0 * sum(csat_satisfied_responses) / nullif(sum(case when survey_type = 'csat' then responses end), 0), "
        f"sum(case when survey_type = 'csat' then responses end), "
        f"sum(ces_score_sum) / nullif(sum(case when survey_type = 'ces' then responses end), 0), "
        f"sum(case when survey_type = 'ces' then responses end), "
        f"100.0 * sum(case when survey_type = 'nps' then follow_ups_done end) / nullif(sum(detractors), 0), "
        f"sum(detractors) from one_period_type"
    ).fetchone()
    rows: Rows = [
        ("NPS (-100..100)", _float(nps), nps_answers),
        ("CSAT % satisfied (4-5)", _float(csat), csat_answers),
        ("CES mean (1-7)", _float(ces), ces_answers),
        ("NPS detractors followed up %", _float(follow_up), detractors),
    ]
    if "mart_advocacy_by_service_experience" in existing_relations(connection, schema):
        answered, answered_share, unanswered, unanswered_share = connection.execute(
            f"select sum(responses_after_answered), "
            f"100.0 * sum(promoters_after_answered) / nullif(sum(responses_after_answered), 0), "
            f"sum(responses_after_unanswered), "
            f"100.0 * sum(promoters_after_unanswered) / nullif(sum(responses_after_unanswered), 0) "
            f"from {schema}.mart_advocacy_by_service_experience where contact_type = 'social_conversation' "
            f"and period_type = (select min(period_type) from {schema}.mart_advocacy_by_service_experience)"
        ).fetchone()
        gap = None if answered_share is None or unanswered_share is None else answered_share - unanswered_share
        rows += [
            ("promoters % after an answered social post", _float(answered_share), answered),
            ("promoters % after an unanswered one", _float(unanswered_share), unanswered),
            ("promoter gap (points)", _float(gap), (answered or 0) + (unanswered or 0)),
        ]
    return "Voice of the customer (all periods)\n" + format_table(["measure", "value", "answers"], rows)


def _float(value: Any) -> float | None:
    return None if value is None else float(value)


SECTIONS.append(("mart_advocacy", section_advocacy))


def section_cx_scorecard(connection: duckdb.DuckDBPyConnection, schema: str, months: int = 3) -> str:
    """The executive scorecard (mart_cx_scorecard): its latest months, rates in %; revenue at
    risk is a snapshot on the latest month (mart_loyalty_impact); '-' where there is no figure."""
    rows = connection.execute(
        f"select * from (select strftime(month_start_date, '%Y-%m'), nps::double, 100 * csat::double, "
        f"median_first_reply_minutes::double, 100 * first_reply_sla_attainment_rate::double, "
        f"100 * resolution_rate::double, 100 * social_response_rate::double, "
        f"100 * feedback_completeness_rate::double, 100 * churn_rate::double, revenue_at_risk::double "
        f"from {schema}.mart_cx_scorecard order by month_start_date desc limit {int(months)}) order by 1"
    ).fetchall()
    return f"CX scorecard: the last {months} months\n" + format_table(
        ["month", "NPS", "CSAT %", "median 1st reply min", "SLA %", "resolved %", "social answered %",
         "feedback complete %", "churn %", "revenue at risk"], rows
    )


SECTIONS.append(("mart_cx_scorecard", section_cx_scorecard))


def section_feedback_completeness(connection: duckdb.DuckDBPyConnection, schema: str) -> str:
    """Feedback completeness per channel over the whole period (docs/metrics.md, mart_feedback_completeness):
    items received and the state each is in at the build's "now"; complete % = accounted for."""
    rows = connection.execute(
        f"select feedback_channel, sum(items_received), sum(items_accounted_for), "
        f"sum(items_open_within_target), sum(items_open_past_target), "
        f"100.0 * sum(items_accounted_for) / sum(items_received) "
        f"from {schema}.mart_feedback_completeness group by feedback_channel "
        f"order by case feedback_channel when 'ticket' then 1 when 'survey' then 2 else 3 end"
    ).fetchall()
    return "Feedback completeness by channel\n" + format_table(
        ["channel", "received", "accounted for", "open, within target", "open, past target", "complete %"], rows
    )


SECTIONS.append(("mart_feedback_completeness", section_feedback_completeness))


def section_agents_and_groups(connection: duckdb.DuckDBPyConnection, schema: str, agents: int = 5) -> str:
    """Agent and group highlights (docs/metrics.md "Agents and groups"): the agents who solved the
    most tickets over all months (agent keys are pseudonyms, shortened to 8 hex digits), then, when
    mart_group_performance exists, the group with the fastest median first reply in the latest
    month (medians of different months do not add up) and the group with the highest CSAT share
    over all months. Counts are summed over the monthly rows only (each action is in one month)."""
    rows = connection.execute(
        f"select left(agent_key, 8), sum(tickets_solved), sum(public_replies), "
        f"100.0 * sum(one_touch_tickets) / nullif(sum(tickets_solved), 0), "
        f"100.0 * sum(reopened_tickets) / nullif(sum(tickets_solved), 0), "
        f"100.0 * sum(csat_satisfied_responses) / nullif(sum(csat_responses), 0), sum(handoffs) "
        f"from {schema}.mart_agent_performance where period_type = 'month' "
        f"group by agent_key order by 2 desc, 1 limit {int(agents)}"
    ).fetchall()
    rows = [(key, solved, replies, _float(one_touch), _float(reopen), _float(csat), handoffs)
            for key, solved, replies, one_touch, reopen, csat, handoffs in rows]
    text = f"Agents: the {agents} who solved the most (all months; keys are pseudonyms)\n" + format_table(
        ["agent key", "solved", "public replies", "one-touch %", "reopened %", "CSAT %", "handoffs"], rows
    )
    if "mart_group_performance" not in existing_relations(connection, schema):
        return text
    highlights: Rows = []
    fastest = connection.execute(
        f"select group_name, first_reply_median_minutes::double, first_replied_tickets, period_start "
        f"from {schema}.mart_group_performance where period_type = 'month' "
        f"and first_reply_median_minutes is not null and period_start = "
        f"(select max(period_start) from {schema}.mart_group_performance where period_type = 'month') "
        f"order by 2, 1 limit 1"
    ).fetchone()
    if fastest is not None:
        group, minutes, tickets, month = fastest
        highlights.append((f"fastest first reply ({month:%Y-%m}, median min)", group, minutes, tickets))
    best_csat = connection.execute(
        f"select group_name, 100.0 * sum(csat_satisfied_responses) / sum(csat_responses), sum(csat_responses) "
        f"from {schema}.mart_group_performance where period_type = 'month' "
        f"group by group_name having sum(csat_responses) > 0 order by 2 desc, 1 limit 1"
    ).fetchone()
    if best_csat is not None:
        group, share, answers = best_csat
        highlights.append(("highest CSAT (all months, % satisfied)", group, _float(share), answers))
    busiest = connection.execute(
        f"select group_name, sum(tickets_assigned) from {schema}.mart_group_performance "
        f"where period_type = 'month' group by group_name order by 2 desc, 1 limit 1"
    ).fetchone()
    if busiest is not None:
        group, assigned = busiest
        highlights.append(("most tickets assigned (all months)", group, assigned, None))
    if not highlights:
        return text
    return text + "\n\nGroup highlights\n" + format_table(["highlight", "group", "value", "tickets / answers"],
                                                          highlights)


SECTIONS.append(("mart_agent_performance", section_agents_and_groups))
