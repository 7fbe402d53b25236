"""What the CX dashboard reads from a built DuckDB database: one small loader per panel.

Schema names follow the project's conventions instead of being hard-coded: the target schema
of the DuckDB profile (profiles.yml) and the ``+schema`` suffixes of dbt_project.yml give
``<target>_marts`` and ``<target>_quarantine`` (dbt's default schema naming). A mart is looked
up in the marts schema first, then the quarantine and target schemas, so a model moved between
them is still found. Every loader returns ``None`` when its mart is not in the database; the
figure functions then draw an explicit "no data" panel.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd
import yaml

REPO_ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Schemas:
    """Where the project builds: target schema, marts schema and quarantine schema."""

    target: str = "main"
    marts: str = "main_marts"
    quarantine: str = "main_quarantine"

    @property
    def search_order(self) -> tuple[str, ...]:
        return self.marts, self.quarantine, self.target


def project_schemas(project_dir: Path = REPO_ROOT) -> Schemas:
    """The schemas of a DuckDB build of the project, from profiles.yml and dbt_project.yml."""
    project = yaml.safe_load((project_dir / "dbt_project.yml").read_text())
    models = (project.get("models") or {}).get(project.get("name", "cx_metrics")) or {}
    target = "main"
    profiles_path = project_dir / "profiles.yml"
    if profiles_path.exists():
        profiles = yaml.safe_load(profiles_path.read_text()) or {}
        outputs = (profiles.get(project.get("profile", "cx_metrics")) or {}).get("outputs") or {}
        target = str((outputs.get("duckdb") or {}).get("schema") or target)
    marts_suffix = (models.get("marts") or {}).get("+schema", "marts")
    quarantine_suffix = (models.get("quarantine") or {}).get("+schema", "quarantine")
    return Schemas(target=target, marts=f"{target}_{marts_suffix}", quarantine=f"{target}_{quarantine_suffix}")


def project_var(name: str, default=None, project_dir: Path = REPO_ROOT):
    """A var's default from dbt_project.yml (the dashboard shows it, e.g. the resolution window)."""
    project = yaml.safe_load((project_dir / "dbt_project.yml").read_text())
    return (project.get("vars") or {}).get(name, default)


class Warehouse:
    """A read-only view of one built database: finds relations by name and runs queries."""

    def __init__(self, connection: duckdb.DuckDBPyConnection, schemas: Schemas):
        self.connection = connection
        self.schemas = schemas
        rows = connection.execute(
            "select table_schema, table_name from information_schema.tables "
            "where table_catalog = current_database()"
        ).fetchall()
        self._relations: dict[str, list[str]] = {}
        for schema, name in rows:
            self._relations.setdefault(name, []).append(schema)

    def relation(self, name: str) -> str | None:
        """`"schema"."name"` of the model, None when the database does not have it."""
        schemas = self._relations.get(name, [])
        for schema in self.schemas.search_order:
            if schema in schemas:
                return f'"{schema}"."{name}"'
        # A build with another target schema (e.g. dbt's `--target` of a user's own profile):
        # any schema ending in the marts suffix, else whichever holds the model.
        suffix = self.schemas.marts.removeprefix(self.schemas.target)
        ranked = sorted(schemas, key=lambda schema: (not schema.endswith(suffix), schema))
        return f'"{ranked[0]}"."{name}"' if ranked else None

    def columns(self, name: str) -> list[str]:
        relation = self.relation(name)
        if relation is None:
            return []
        return [row[0] for row in self.connection.execute(f"describe {relation}").fetchall()]

    def frame(self, sql: str, **relations: str) -> pd.DataFrame | None:
        """Run `sql` with {name} placeholders filled by the relations; None if one is missing."""
        resolved = {placeholder: self.relation(name) for placeholder, name in relations.items()}
        if any(value is None for value in resolved.values()):
            return None
        return self.connection.execute(sql.format(**resolved)).df()


# --- one loader per panel ------------------------------------------------------------------------


def load_scorecard(warehouse: Warehouse) -> pd.DataFrame | None:
    return warehouse.frame(
        "select month_start_date, tickets::double as tickets, nps::double as nps, csat::double as csat, "
        "median_first_reply_minutes::double as median_first_reply_minutes, "
        "first_reply_sla_attainment_rate::double as first_reply_sla_attainment_rate, "
        "social_response_rate::double as social_response_rate, "
        "feedback_completeness_rate::double as feedback_completeness_rate, churn_rate::double as churn_rate, "
        "is_latest_month from {scorecard} order by month_start_date",
        scorecard="mart_cx_scorecard",
    )


def load_service(warehouse: Warehouse) -> pd.DataFrame | None:
    """Per channel x priority over the whole period: tickets and the median first reply from
    fct_tickets (medians do not add up over the daily marts), first-reply SLA attainment from
    mart_response_time's counts and the resolution rate from mart_resolution's counts."""
    tickets = warehouse.frame(
        "select channel, priority, count(*) as tickets, "
        "median(first_reply_minutes)::double as median_first_reply_minutes "
        "from {tickets} group by channel, priority",
        tickets="fct_tickets",
    )
    if tickets is None:
        return None
    sla = warehouse.frame(
        "select channel, priority, sum(first_reply_sla_tickets - first_reply_sla_breached_tickets)::double "
        "/ nullif(sum(first_reply_sla_tickets), 0) as first_reply_sla_attainment_rate "
        "from {response_time} group by channel, priority",
        response_time="mart_response_time",
    )
    resolution = warehouse.frame(
        "select channel, priority, sum(tickets_solved_within_window)::double / nullif(sum(tickets_created), 0) "
        "as resolution_rate from {resolution} group by channel, priority",
        resolution="mart_resolution",
    )
    for extra in (sla, resolution):
        if extra is not None:
            tickets = tickets.merge(extra, on=["channel", "priority"], how="left")
    return tickets


def load_groups(warehouse: Warehouse) -> pd.DataFrame | None:
    return warehouse.frame(
        "select coalesce(group_name, '(no group)') as group_name, count(*) as tickets, "
        "median(first_reply_minutes)::double as median_first_reply_minutes, "
        "avg(case when is_first_reply_sla_breached then 0.0 when not is_first_reply_sla_breached then 1.0 end) "
        "as first_reply_sla_attainment_rate from {tickets} group by 1",
        tickets="fct_tickets",
    )


def load_agents(warehouse: Warehouse) -> pd.DataFrame | None:
    """mart_agent_performance, its latest month: per agent (agent_key shortened to 8 hex digits;
    the mart holds no raw id or name) the tickets solved, the median first reply of the tickets
    they answered first and the CSAT share of the tickets they solved. Medians of different
    months cannot be combined, so one month is shown. None without the mart."""
    return warehouse.frame(
        "select 'agent ' || left(agent_key, 8) as agent, tickets_solved::double as tickets, "
        "first_reply_median_minutes::double as median_first_reply_minutes, "
        "csat_satisfied_share::double as csat_satisfied_share, period_start "
        "from {agents} where period_type = 'month' "
        "and period_start = (select max(period_start) from {agents} where period_type = 'month')",
        agents="mart_agent_performance",
    )


def load_social(warehouse: Warehouse) -> pd.DataFrame | None:
    brands = warehouse.frame(
        "select coalesce(brand, '(unattributed)') as brand, sum(conversations)::double as conversations, "
        "sum(answered_conversations)::double / nullif(sum(conversations), 0) as response_rate "
        "from {social} group by 1",
        social="mart_social_responsiveness",
    )
    if brands is None:
        return None
    orphan_filter = "where not is_orphan_thread" if "is_orphan_thread" in warehouse.columns(
        "unanswered_social_posts") else ""
    unanswered = warehouse.frame(
        "select coalesce(brand, '(unattributed)') as brand, count(*)::double as unanswered_posts "
        f"from {{unanswered}} {orphan_filter} group by 1",
        unanswered="unanswered_social_posts",
    )
    if unanswered is None:
        brands["unanswered_posts"] = None
        return brands
    return brands.merge(unanswered, on="brand", how="left").fillna({"unanswered_posts": 0.0})


def load_promoter_gap(warehouse: Warehouse) -> pd.DataFrame | None:
    """Counts per contact type summed over the periods of one period type (each answer is
    counted once per period type)."""
    return warehouse.frame(
        "select contact_type, "
        "sum(responses_after_answered)::double as responses_after_answered, "
        "sum(promoters_after_answered)::double as promoters_after_answered, "
        "sum(responses_after_unanswered)::double as responses_after_unanswered, "
        "sum(promoters_after_unanswered)::double as promoters_after_unanswered, "
        "sum(responses_without_contact)::double as responses_without_contact, "
        "sum(promoters_without_contact)::double as promoters_without_contact "
        "from {gap} where period_type = (select min(period_type) from {gap}) group by contact_type",
        gap="mart_advocacy_by_service_experience",
    )


@dataclass(frozen=True)
class Loyalty:
    drivers: pd.DataFrame | None
    revenue: pd.DataFrame | None
    model_note: str | None


def load_loyalty(warehouse: Warehouse) -> Loyalty:
    """Churn drivers and revenue from mart_loyalty_impact (python_models/marts/loyalty): one long
    table, a row_type per kind of figure. If the mart is split into typed marts, change this only:
    the panels need drivers (label, customers, odds_ratio, ci_low, ci_high, p_value), revenue
    (row_type revenue_at_risk | revenue_upside, label, customers, revenue_at_risk, upside) and
    the model fit's note."""
    impact = warehouse.frame("select * from {impact}", impact="mart_loyalty_impact")
    if impact is None:
        return Loyalty(None, None, None)
    fit = impact[impact["row_type"] == "model_fit"]
    note = None if fit.empty else fit["note"].iloc[0]
    drivers = impact[impact["row_type"] == "churn_driver"].reset_index(drop=True)
    revenue = impact[impact["row_type"].isin(["revenue_at_risk", "revenue_upside"])].reset_index(drop=True)
    return Loyalty(drivers, revenue, note)


def load_feedback_completeness(warehouse: Warehouse) -> pd.DataFrame | None:
    return warehouse.frame(
        "select feedback_channel, sum(items_received)::double as items_received, "
        "sum(items_accounted_for)::double as items_accounted_for, "
        "sum(items_open_within_target)::double as items_open_within_target, "
        "sum(items_open_past_target)::double as items_open_past_target "
        "from {completeness} group by feedback_channel",
        completeness="mart_feedback_completeness",
    )


def load_quarantine(warehouse: Warehouse) -> pd.DataFrame | None:
    return warehouse.frame(
        "select source_table, reject_reason, rejected_column, finding_level, rejected_rows::double as rejected_rows "
        "from {quarantine}",
        quarantine="mart_quarantine_summary",
    )


@dataclass(frozen=True)
class Context:
    """What the page header says about the data: its period and the build's "now"."""

    as_of: pd.Timestamp | None
    period_start: pd.Timestamp | None
    period_end: pd.Timestamp | None


PERIOD_COLUMNS = (("fct_tickets", "created_at"), ("fct_survey_responses", "responded_at"),
                  ("fct_social_conversations", "started_at"))


def load_context(warehouse: Warehouse) -> Context:
    """as_of from fct_tickets.as_of_at (else int_as_of); the period spans the facts' timestamps."""
    as_of = None
    for name, sql in (("fct_tickets", "select max(as_of_at) from {relation}"),
                      ("int_as_of", "select max(as_of_at) from {relation}")):
        frame = warehouse.frame(sql.replace("{relation}", "{r}"), r=name)
        if frame is not None and not pd.isna(frame.iat[0, 0]):
            as_of = pd.Timestamp(frame.iat[0, 0])
            break
    starts, ends = [], []
    for name, column in PERIOD_COLUMNS:
        if column not in warehouse.columns(name):
            continue
        frame = warehouse.frame(f"select min({column}), max({column}) from {{r}}", r=name)
        if frame is not None and not pd.isna(frame.iat[0, 0]):
            starts.append(pd.Timestamp(frame.iat[0, 0]))
            ends.append(pd.Timestamp(frame.iat[0, 1]))
    return Context(as_of, min(starts) if starts else None, max(ends) if ends else None)
