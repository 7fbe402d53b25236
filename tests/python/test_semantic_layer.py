"""The semantic layer (MetricFlow, models/marts/semantic) gives the marts' own values.

Every metric is queried with MetricFlow's `mf query` command, by month and by the dimensions of
the mart that publishes it, and compared to 1e-6 with that mart: mart_cx_scorecard,
mart_advocacy, mart_response_time, mart_resolution, mart_social_responsiveness and
mart_feedback_completeness (marts round to 6 decimals, so 1e-6 absolute).

Engines: DuckDB on a copy of the run's demo build (fixture demo_database; `mf` opens the file for
writing); PostgreSQL on the build of scripts/test_engines.sh when CX_SEMANTIC_PG_TARGET_PATH names
its dbt target path (the CX_PG_* variables name the server; skipped otherwise). MetricFlow does
not support Spark.

`mf` reads <project dir>/target/semantic_manifest.json, whose relation names must be those of the
build queried, so each engine gets a small project directory (dbt_project.yml + that build's
semantic manifest, or one `dbt parse` makes) in a temporary folder. The `mf query` commands of one
engine run in one helper process (this file run as a script, calling the `mf` command line
in-process): MetricFlow's command line takes ~15 s to start, a query 1-3 s.
"""

from __future__ import annotations

import csv
import json
import math
import os
import subprocess
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from conftest import REPO_ROOT, copy_database, run_dbt

TOLERANCE = 1e-6
PG_TARGET_PATH_VARIABLE = "CX_SEMANTIC_PG_TARGET_PATH"

# The mf queries: name -> (metrics, group-by). Metrics that share a grain share one query.
QUERIES: dict[str, tuple[list[str], list[str]]] = {
    "month": (
        [
            "tickets_created", "first_reply_median_minutes", "first_reply_sla_attainment_rate", "resolution_rate",
            "one_touch_rate", "reopen_rate", "nps_responses", "nps", "csat_responses", "csat", "ces_mean",
            "detractor_follow_up_rate", "survey_response_rate", "social_conversations_started",
            "social_response_rate", "feedback_completeness_rate", "customers_active_at_period_start",
            "customers_churned", "churn_rate", "revenue_at_risk",
        ],
        ["metric_time__month"],
    ),
    "tickets_by_day": (
        [
            "tickets_created", "first_reply_median_minutes", "first_reply_p90_minutes",
            "first_reply_median_business_minutes", "first_reply_p90_business_minutes",
            "first_reply_sla_attainment_rate", "resolution_rate", "one_touch_rate", "reopen_rate",
        ],
        ["metric_time__day", "ticket__channel", "ticket__priority", "ticket__group_name"],
    ),
    "responses_by_month": (
        ["nps", "csat", "ces_mean", "detractor_follow_up_rate"],
        ["metric_time__month", "survey_response__survey_type", "survey_response__channel", "customer__segment"],
    ),
    "invitations_by_month": (
        ["survey_response_rate"],
        ["metric_time__month", "survey_invitation__survey_type", "survey_invitation__channel", "customer__segment"],
    ),
    "social_by_day": (
        ["social_response_rate", "social_median_response_minutes"],
        ["metric_time__day", "social_conversation__platform", "social_conversation__brand"],
    ),
    "feedback_by_day": (
        ["feedback_completeness_rate"],
        ["metric_time__day", "feedback_item__feedback_channel", "feedback_item__feedback_source"],
    ),
}

Row = dict[str, object]
Values = dict[tuple, object]


# --- engines: where the build is, how to read a mart --------------------------------------------

class Engine:
    """One engine's build: the dbt target path, the environment `mf` needs and a mart reader."""

    def __init__(self, name: str, target_path: Path, env: dict[str, str], read: Callable[[str], list[Row]]):
        self.name, self.target_path, self.env, self.read = name, target_path, env, read


def duckdb_engine(database: Path, target_path: Path) -> Engine:
    import duckdb

    def read(mart: str) -> list[Row]:
        with duckdb.connect(str(database), read_only=True) as connection:
            cursor = connection.execute(f"select * from main_marts.{mart}")
            columns = [column[0] for column in cursor.description]
            return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]

    env = {"CX_TARGET": "duckdb", "CX_DUCKDB_PATH": str(database)}
    return Engine("duckdb", target_path, env, read)


def postgres_engine(target_path: Path) -> Engine:
    import psycopg2

    schema = os.environ.get("CX_PG_SCHEMA", "cx")

    def read(mart: str) -> list[Row]:
        connection = psycopg2.connect(
            host=os.environ.get("CX_PG_HOST", "127.0.0.1"), port=int(os.environ.get("CX_PG_PORT", "5432")),
            user=os.environ.get("CX_PG_USER", "cx_dbt"), password=os.environ.get("CX_PG_PASSWORD", ""),
            dbname=os.environ.get("CX_PG_DATABASE", "cx"),
        )
        try:
            with connection.cursor() as cursor:
                cursor.execute(f'select * from "{schema}_marts"."{mart}"')
                columns = [column.name for column in cursor.description]
                return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
        finally:
            connection.close()

    return Engine("postgres", target_path, {"CX_TARGET": "postgres"}, read)


@pytest.fixture(scope="module", params=["duckdb", "postgres"])
def engine(request) -> Engine:
    if request.param == "postgres":
        target_path = os.environ.get(PG_TARGET_PATH_VARIABLE)
        if not target_path:
            pytest.skip(f"no PostgreSQL build: set {PG_TARGET_PATH_VARIABLE} (scripts/test_engines.sh does)")
        return postgres_engine(Path(target_path).resolve())
    demo_database = request.getfixturevalue("demo_database")
    folder = request.getfixturevalue("tmp_path_factory").mktemp("semantic_duckdb")
    database = copy_database(demo_database, folder)  # same file name: the relation names stay valid
    built_manifest = demo_database.parent / "target" / "semantic_manifest.json"
    if built_manifest.is_file():  # the demo was built in this run
        return duckdb_engine(database, built_manifest.parent)
    parse = run_dbt(["parse"], database, folder)  # a copied build (make test): parse for the manifest
    assert parse.returncode == 0, parse.stdout[-3000:]
    return duckdb_engine(database, folder / "target")


@pytest.fixture(scope="module")
def results(engine: Engine, tmp_path_factory) -> dict[str, list[Row]]:
    """Every query of QUERIES run with `mf query` on the engine: query name -> rows."""
    project_dir = tmp_path_factory.mktemp(f"mf_{engine.name}")
    (project_dir / "target").mkdir()
    (project_dir / "dbt_project.yml").write_text((REPO_ROOT / "dbt_project.yml").read_text())
    manifest = engine.target_path / "semantic_manifest.json"
    assert manifest.is_file(), f"{manifest} missing: build the project first"
    (project_dir / "target" / "semantic_manifest.json").write_text(manifest.read_text())
    commands = {}
    for name, (metrics, group_by) in QUERIES.items():
        commands[name] = ["query", "--metrics", ",".join(metrics), "--group-by", ",".join(group_by),
                          "--csv", str(project_dir / f"{name}.csv"), "--quiet"]
    spec = project_dir / "queries.json"
    spec.write_text(json.dumps(commands))
    env = dict(os.environ, DBT_PROFILES_DIR=str(REPO_ROOT), DBT_PROJECT_DIR=str(project_dir), **engine.env)
    run = subprocess.run([sys.executable, __file__, str(spec)], cwd=project_dir, env=env,
                         capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stdout[-5000:] + run.stderr[-5000:]
    return {name: read_csv(project_dir / f"{name}.csv") for name in QUERIES}


def read_csv(path: Path) -> list[Row]:
    if not path.exists():  # mf writes no file for an empty result
        return []
    with path.open(newline="") as handle:
        return [{key: (value if value != "" else None) for key, value in row.items()} for row in csv.DictReader(handle)]


# --- comparing ------------------------------------------------------------------------------------

def number(value: object) -> float | None:
    if value is None:
        return None
    result = float(value)
    return None if math.isnan(result) else result


def day(value: object) -> str:
    """'2026-01-01', '2026-01-01 00:00:00' or a date -> '2026-01-01'."""
    return str(value)[:10]


def key_of(row: Row, columns: Iterable[str]) -> tuple:
    return tuple(day(row[column]) if column.startswith(("metric_time", "month_start", "period_start", "report_date",
                                                         "started_date", "received_date"))
                 else ("(unknown)" if row[column] is None and column == "customer__segment" else row[column])
                 for column in columns)


def values(rows: Iterable[Row], key_columns: list[str], value: Callable[[Row], object]) -> Values:
    return {key_of(row, key_columns): number(value(row)) for row in rows}


def differences(label: str, expected: Values, actual: Values, keys: Iterable[tuple] | None = None) -> list[str]:
    """Keys where the semantic layer's value differs from the mart's; a missing key is null."""
    found = []
    for key in sorted(keys if keys is not None else set(expected) | set(actual), key=str):
        want, got = expected.get(key), actual.get(key)
        if want is None and got is None:
            continue
        if want is None or got is None or abs(want - got) > TOLERANCE:
            found.append(f"{label} {key}: mart {want}, semantic layer {got}")
    return found


def ratio(numerator: float, denominator: float, scale: float = 1.0) -> float | None:
    return scale * numerator / denominator if denominator else None


def sums_by(rows: Iterable[Row], key: Callable[[Row], tuple], columns: list[str]) -> dict[tuple, dict[str, float]]:
    totals: dict[tuple, dict[str, float]] = {}
    for row in rows:
        bucket = totals.setdefault(key(row), dict.fromkeys(columns, 0.0))
        for column in columns:
            bucket[column] += float(row[column] or 0)
    return totals


# --- the checks -----------------------------------------------------------------------------------

def test_every_metric_is_compared(engine, results):
    """Each metric of the semantic layer is queried here, or is an input of one that is."""
    manifest = json.loads((engine.target_path / "semantic_manifest.json").read_text())
    queried = {metric for metrics, _ in QUERIES.values() for metric in metrics}
    covered = set(queried)
    for metric in manifest["metrics"]:
        if metric["name"] in queried:
            params = metric["type_params"]
            inputs = [params.get("numerator"), params.get("denominator"), *(params.get("metrics") or [])]
            covered |= {item["name"] for item in inputs if item}
    assert {metric["name"] for metric in manifest["metrics"]} - covered == set()


def test_scorecard_months(engine, results):
    """mart_cx_scorecard: one row per month; every figure from the month query."""
    scorecard = engine.read("mart_cx_scorecard")
    months = [(day(row["month_start_date"]),) for row in scorecard]
    assert months, "mart_cx_scorecard is empty"
    counts = {"tickets": "tickets_created", "nps_responses": "nps_responses", "csat_responses": "csat_responses",
              "social_conversations": "social_conversations_started", "churned_customers": "customers_churned",
              "customers_active_at_month_start": "customers_active_at_period_start"}
    figures = {"median_first_reply_minutes": "first_reply_median_minutes",
               "first_reply_sla_attainment_rate": "first_reply_sla_attainment_rate",
               "resolution_rate": "resolution_rate", "nps": "nps", "csat": "csat",
               "social_response_rate": "social_response_rate",
               "feedback_completeness_rate": "feedback_completeness_rate", "churn_rate": "churn_rate",
               "revenue_at_risk": "revenue_at_risk"}
    found = []
    for column, metric in {**counts, **figures}.items():
        expected = values(scorecard, ["month_start_date"], lambda row, c=column: row[c])
        actual = values(results["month"], ["metric_time__month"], lambda row, m=metric: row[m])
        if column in counts:  # the scorecard writes 0 where a month has no such row
            actual = {key: (value if value is not None else 0.0) for key, value in actual.items()}
        found += differences(f"mart_cx_scorecard.{column}", expected, actual, months)
    assert found == []


def test_advocacy_months(engine, results):
    """mart_advocacy month rows added up per month: NPS, CES, detractor follow-up and response rates (CSAT by
    month: test_scorecard_months; the mart publishes no CSAT answer count to add up)."""
    rows = [row for row in engine.read("mart_advocacy") if row["period_type"] == "month"]
    for row in rows:  # counts the mart publishes through its figures
        row["nps_responses"] = float(row["promoters"]) + float(row["passives"]) + float(row["detractors"])
        mean = number(row["ces_mean"])  # scores are 1-7, so a mean is never 0
        row["ces_responses"] = round(float(row["ces_score_sum"]) / mean) if mean else 0.0
        is_nps = row["survey_type"] == "nps"
        row["nps_follow_ups_needed"] = float(row["follow_ups_needed"]) if is_nps else 0.0
        row["nps_follow_ups_done"] = float(row["follow_ups_done"]) if is_nps else 0.0
    totals = sums_by(rows, lambda row: (day(row["period_start"]),), [
        "invitations", "invitations_responded", "promoters", "detractors", "nps_responses", "ces_score_sum",
        "ces_responses", "nps_follow_ups_needed", "nps_follow_ups_done"])
    expected = {
        "nps": {k: ratio(t["promoters"] - t["detractors"], t["nps_responses"], 100.0) for k, t in totals.items()},
        "ces_mean": {k: ratio(t["ces_score_sum"], t["ces_responses"]) for k, t in totals.items()},
        "detractor_follow_up_rate": {k: ratio(t["nps_follow_ups_done"], t["nps_follow_ups_needed"])
                                     for k, t in totals.items()},
        "survey_response_rate": {k: ratio(t["invitations_responded"], t["invitations"]) for k, t in totals.items()},
    }
    found = []
    for metric, by_month in expected.items():
        actual = values(results["month"], ["metric_time__month"], lambda row, m=metric: row[m])
        found += differences(f"mart_advocacy {metric} by month", by_month, actual, list(by_month))
    assert found == []


def test_advocacy_cells(engine, results):
    """mart_advocacy month rows one by one: survey type x channel x segment."""
    rows = [row for row in engine.read("mart_advocacy") if row["period_type"] == "month"]
    mart_key = ["period_start", "survey_type", "channel", "segment"]
    response_key = ["metric_time__month", "survey_response__survey_type", "survey_response__channel",
                    "customer__segment"]
    invitation_key = ["metric_time__month", "survey_invitation__survey_type", "survey_invitation__channel",
                      "customer__segment"]
    responded = [row for row in rows if int(row["responses"]) > 0]
    found = []
    for column, metric in {"nps": "nps", "csat_share": "csat", "ces_mean": "ces_mean"}.items():
        found += differences(f"mart_advocacy.{column}", values(responded, mart_key, lambda row, c=column: row[c]),
                             values(results["responses_by_month"], response_key, lambda row, m=metric: row[m]))
    nps_rows = [row for row in responded if row["survey_type"] == "nps"]
    found += differences(
        "mart_advocacy.follow_up_rate (nps)", values(nps_rows, mart_key, lambda row: row["follow_up_rate"]),
        values([row for row in results["responses_by_month"] if row["survey_response__survey_type"] == "nps"],
               response_key, lambda row: row["detractor_follow_up_rate"]))
    invited = [row for row in rows if int(row["invitations"]) > 0]
    found += differences("mart_advocacy.response_rate", values(invited, mart_key, lambda row: row["response_rate"]),
                         values(results["invitations_by_month"], invitation_key,
                                lambda row: row["survey_response_rate"]))
    assert found == []


def test_response_time_rows(engine, results):
    """mart_response_time: day x channel x priority x group, percentiles included."""
    rows = engine.read("mart_response_time")
    mart_key = ["report_date", "channel", "priority", "group_name"]
    layer_key = ["metric_time__day", "ticket__channel", "ticket__priority", "ticket__group_name"]
    columns = {"tickets_created": "tickets_created",
               "first_reply_median_minutes": "first_reply_median_minutes",
               "first_reply_p90_minutes": "first_reply_p90_minutes",
               "first_reply_median_business_minutes": "first_reply_median_business_minutes",
               "first_reply_p90_business_minutes": "first_reply_p90_business_minutes",
               "first_reply_sla_attainment_rate": "first_reply_sla_attainment_rate"}
    found = []
    for column, metric in columns.items():
        found += differences(f"mart_response_time.{column}", values(rows, mart_key, lambda row, c=column: row[c]),
                             values(results["tickets_by_day"], layer_key, lambda row, m=metric: row[m]))
    assert found == []


def test_resolution_rows(engine, results):
    """mart_resolution: resolution, one-touch and reopen rates per day x channel x priority x group."""
    rows = [row for row in engine.read("mart_resolution") if int(row["tickets_created"]) > 0]
    mart_key = ["report_date", "channel", "priority", "group_name"]
    layer_key = ["metric_time__day", "ticket__channel", "ticket__priority", "ticket__group_name"]
    found = []
    for metric in ["resolution_rate", "one_touch_rate", "reopen_rate"]:
        found += differences(f"mart_resolution.{metric}", values(rows, mart_key, lambda row, m=metric: row[m]),
                             values(results["tickets_by_day"], layer_key, lambda row, m=metric: row[m]))
    monthly = sums_by(rows, lambda row: (day(row["report_date"])[:7] + "-01",),
                      ["tickets_created", "tickets_solved", "tickets_solved_within_window", "one_touch_tickets",
                       "reopened_tickets"])
    by_month = {"resolution_rate": ("tickets_solved_within_window", "tickets_created"),
                "one_touch_rate": ("one_touch_tickets", "tickets_solved"),
                "reopen_rate": ("reopened_tickets", "tickets_solved")}
    for metric, (numerator, denominator) in by_month.items():
        expected = {key: ratio(total[numerator], total[denominator]) for key, total in monthly.items()}
        actual = values(results["month"], ["metric_time__month"], lambda row, m=metric: row[m])
        found += differences(f"mart_resolution {metric} by month", expected, actual, list(expected))
    assert found == []


def test_social_rows(engine, results):
    """mart_social_responsiveness: day x platform x brand, and its monthly response rate."""
    rows = engine.read("mart_social_responsiveness")
    mart_key = ["started_date", "platform", "brand"]
    layer_key = ["metric_time__day", "social_conversation__platform", "social_conversation__brand"]
    found = []
    for column, metric in {"response_rate": "social_response_rate",
                           "median_response_minutes": "social_median_response_minutes"}.items():
        found += differences(f"mart_social_responsiveness.{column}",
                             values(rows, mart_key, lambda row, c=column: row[c]),
                             values(results["social_by_day"], layer_key, lambda row, m=metric: row[m]))
    monthly = sums_by(rows, lambda row: (day(row["started_date"])[:7] + "-01",),
                      ["conversations", "answered_conversations"])
    expected = {key: ratio(total["answered_conversations"], total["conversations"]) for key, total in monthly.items()}
    found += differences("mart_social_responsiveness response_rate by month", expected,
                         values(results["month"], ["metric_time__month"], lambda row: row["social_response_rate"]),
                         list(expected))
    assert found == []


def test_feedback_rows(engine, results):
    """mart_feedback_completeness: day x feedback channel x source."""
    rows = engine.read("mart_feedback_completeness")
    found = differences(
        "mart_feedback_completeness.completeness_rate",
        values(rows, ["received_date", "feedback_channel", "feedback_source"], lambda row: row["completeness_rate"]),
        values(results["feedback_by_day"],
               ["metric_time__day", "feedback_item__feedback_channel", "feedback_item__feedback_source"],
               lambda row: row["feedback_completeness_rate"]))
    assert found == []


# --- the helper process: run the `mf` commands of a spec file with one MetricFlow setup -------------

def run_mf_commands(spec_path: Path) -> int:
    """Run each `mf` command line of the spec (name -> arguments) in this process; 1 if one failed."""
    from dbt_metricflow.cli.cli_configuration import CLIConfiguration
    from dbt_metricflow.cli.main import cli

    configuration = CLIConfiguration()  # set up by the first command, shared by the others
    failed = []
    for name, arguments in json.loads(spec_path.read_text()).items():
        print(f"mf {' '.join(arguments)}", flush=True)
        try:
            cli.main(args=arguments, prog_name="mf", obj=configuration, standalone_mode=False)
        except SystemExit as stop:
            if stop.code not in (0, None):
                failed.append(name)
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(run_mf_commands(Path(sys.argv[1])))
