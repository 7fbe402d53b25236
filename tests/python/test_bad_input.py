"""Bad input, first use: what a new user's raw tables throw at cx-metrics, on DuckDB and PostgreSQL.

tests/fixtures/bad_input/ holds a small, clean data set (good/) and the damage done to it
(README there). Each engine builds the project (SQL models, data tests, unit tests) five times
on raw tables of its own:

  good     the clean rows as all-text tables (what a CSV load gives); a PII hash key is set
  typed    the same rows typed natively: timestamps with time zone read in a session whose time
           zone is America/New_York, booleans, integers, a decimal revenue and a floating-point
           score (9.0), plus one score of 7.5. It must give exactly the marts of `good`, and
           quarantine only the 7.5
  bad      the clean rows with ids padded with tabs and line breaks, bad values in optional
           columns, rows stamped in 1900, 2099 and 2999 and unknown time zones. Exactly the rows
           and fields of expected_*.csv are quarantined, and the marts equal those of `good`
           except for the cells the nulled fields and the quarantined events feed
  minimal  only customers, tickets and ticket_events (tickets without subject and with
           created_at named opened_at, events without is_public and _loaded_at), social_posts
           empty: the build passes with one notice per absent table, column or empty table
  broken   tickets absent, ticket_events without actor_type: the run stops at the contract
           check with one message per problem, before any SQL reads the tables

PostgreSQL runs when the CX_PG_* variables point at a server (scripts/test_engines.sh starts a
throwaway one); otherwise its cases are skipped.
"""

from __future__ import annotations

import codecs
import csv
import datetime
import decimal
import hashlib
import hmac
import os
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pytest

from conftest import DBT, REPO_ROOT

FIXTURE = REPO_ROOT / "tests" / "fixtures" / "bad_input"
SESSION_TIMEZONE = "America/New_York"
HASH_KEY = "fixture-key"
LOADED_AT = "2026-04-01 00:00:00"

# The typed load: the column types of each raw table that is not all text (other columns: text).
TYPED_COLUMNS = {
    "customers": {"signup_at": "timestamptz", "churned_at": "timestamptz", "annual_revenue": "decimal(12,2)",
                  "is_incentivized": "boolean", "_loaded_at": "timestamp"},
    "customer_identities": {"_loaded_at": "timestamp"},
    "tickets": {"created_at": "timestamptz", "_loaded_at": "timestamp"},
    "ticket_events": {"event_at": "timestamptz", "is_public": "boolean", "_loaded_at": "timestamp"},
    "survey_invitations": {"sent_at": "timestamp", "_loaded_at": "timestamp"},
    "survey_responses": {"score": "double", "responded_at": "timestamptz",
                         "followed_up_at": "timestamptz", "_loaded_at": "timestamp"},
    "social_posts": {"author_is_brand": "boolean", "created_at": "timestamptz", "author_followers": "integer",
                     "_loaded_at": "timestamp"},
    "sla_policies": {"first_reply_target_minutes": "integer", "next_reply_target_minutes": "integer",
                     "resolution_target_minutes": "integer", "in_business_hours": "boolean",
                     "_loaded_at": "timestamp"},
    "business_hours": {"day_of_week": "integer", "_loaded_at": "timestamp"},
    "holidays": {"holiday_date": "date", "_loaded_at": "timestamp"},
}

# The key of a row in each raw table and its quarantine model.
ROW_KEY = {
    "customers": ["customer_id"], "customer_identities": ["handle"], "tickets": ["ticket_id"],
    "ticket_events": ["event_id"], "survey_invitations": ["invitation_id"], "survey_responses": ["response_id"],
    "social_posts": ["post_id"], "sla_policies": ["priority", "channel"], "business_hours": ["day_of_week"],
    "holidays": ["holiday_date"],
}

# The marts that count quarantined rows: they differ between builds by design.
QUARANTINE_COUNTS = {"mart_quarantine_summary", "mart_source_reconciliation"}

# Marts cells the bad build may change, and to what: tickets that lost an event to quarantine are
# flagged; the customer whose annual_revenue was unparseable keeps everything but that field.
EXPECTED_MART_CHANGES = {
    ("fct_tickets", "ticket_id", "T2"): {"has_quarantined_events": True},
    ("fct_tickets", "ticket_id", "T4"): {"has_quarantined_events": True},
    ("fct_customer_experience", "customer_id", "C3"): {"annual_revenue": None},
}


# ---------------------------------------------------------------- raw tables


@dataclass
class Table:
    columns: list[str]
    rows: list[list[str | None]] = field(default_factory=list)


def read_tables(folder: Path) -> dict[str, Table]:
    tables = {}
    for path in sorted(folder.glob("*.csv")):
        with open(path, newline="") as handle:
            reader = csv.reader(handle)
            columns = next(reader)
            tables[path.stem] = Table(columns, [[value or None for value in row] for row in reader])
    return tables


def good_tables() -> dict[str, Table]:
    return read_tables(FIXTURE / "good")


def with_added_rows(tables: dict[str, Table], folder: Path) -> dict[str, Table]:
    for name, added in read_tables(folder).items():
        assert added.columns == tables[name].columns, name
        tables[name].rows += added.rows
    return tables


def bad_tables() -> dict[str, Table]:
    tables = with_added_rows(good_tables(), FIXTURE / "added_rows")
    with open(FIXTURE / "corruptions.csv", newline="") as handle:
        for corruption in csv.DictReader(handle):
            table = tables[corruption["table"]]
            key_index = table.columns.index(ROW_KEY[corruption["table"]][0])
            (row,) = [row for row in table.rows if row[key_index] == corruption["key"]]
            row[table.columns.index(corruption["column"])] = codecs.decode(corruption["value"], "unicode_escape")
    return tables


def typed_tables() -> dict[str, Table]:
    return with_added_rows(good_tables(), FIXTURE / "typed_added_rows")


def minimal_tables() -> dict[str, Table]:
    tables = good_tables()
    kept = {name: tables[name] for name in ["customers", "tickets", "ticket_events", "social_posts"]}
    drop_column(kept["tickets"], "subject")
    kept["tickets"].columns[kept["tickets"].columns.index("created_at")] = "opened_at"
    drop_column(kept["ticket_events"], "is_public")
    drop_column(kept["ticket_events"], "_loaded_at")
    kept["social_posts"].rows = []
    return kept


def broken_tables() -> dict[str, Table]:
    tables = good_tables()
    drop_column(tables["ticket_events"], "actor_type")
    return {"customers": tables["customers"], "ticket_events": tables["ticket_events"]}


def drop_column(table: Table, column: str) -> None:
    index = table.columns.index(column)
    table.columns.pop(index)
    for row in table.rows:
        row.pop(index)


# ---------------------------------------------------------------- engines


PROFILES = """
cx_metrics:
  target: "{{ env_var('CX_TARGET') }}"
  outputs:
    duckdb:
      type: duckdb
      path: "{{ env_var('CX_DUCKDB_PATH') }}"
      schema: main
      threads: 2
      settings:
        TimeZone: "{{ env_var('CX_TEST_SESSION_TIMEZONE', 'UTC') }}"
    postgres:
      type: postgres
      host: "{{ env_var('CX_PG_HOST', '127.0.0.1') }}"
      port: "{{ env_var('CX_PG_PORT', '5432') | as_number }}"
      user: "{{ env_var('CX_PG_USER', 'cx_dbt') }}"
      password: "{{ env_var('CX_PG_PASSWORD', '') }}"
      dbname: "{{ env_var('CX_PG_DATABASE', 'cx') }}"
      schema: "{{ env_var('CX_PG_SCHEMA') }}"
      threads: 2
"""


def normalised(value):
    """A value as both engines return it, comparable: numbers as floats to 9 significant digits,
    timestamps to the second, dates as ISO text."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, decimal.Decimal | float | int):
        return float(f"{float(value):.9g}")
    if isinstance(value, datetime.datetime):
        return value.replace(microsecond=0, tzinfo=None).isoformat(sep=" ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


class Engine:
    name: str

    def __init__(self, work_dir: Path):
        self.work_dir = work_dir
        (work_dir / "profiles.yml").write_text(PROFILES)

    def dbt(self, build: str, args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
        target_dir = self.work_dir / build
        command = [DBT, *args, "--project-dir", str(REPO_ROOT), "--profiles-dir", str(self.work_dir),
                   "--target-path", str(target_dir / "target"), "--log-path", str(target_dir / "logs")]
        full_env = {key: value for key, value in os.environ.items() if key != "CX_PII_HASH_KEY"}
        full_env.update(CX_TARGET=self.name, **self.connection_env(build), **env)
        return subprocess.run(command, cwd=REPO_ROOT, env=full_env, capture_output=True, text=True)

    def column_sql(self, table: str, column: str, typed: bool) -> str:
        sql_type = TYPED_COLUMNS.get(table, {}).get(column) if typed else None
        return f"{column} {self.sql_type(sql_type) if sql_type else 'varchar'}"

    def sql_type(self, sql_type: str) -> str:
        return sql_type

    @staticmethod
    def literal(value: str | None, sql_type: str | None) -> str | None:
        # Timestamps with time zone are written as UTC instants, whatever the session zone.
        if value is not None and sql_type == "timestamptz":
            return value + "+00"
        return value

    def create_sql(self, schema: str, name: str, table: Table, typed: bool) -> tuple[str, list[list]]:
        columns = ", ".join(self.column_sql(name, column, typed) for column in table.columns)
        types = [TYPED_COLUMNS.get(name, {}).get(column) if typed else None for column in table.columns]
        rows = [[self.literal(value, sql_type) for value, sql_type in zip(row, types, strict=True)]
                for row in table.rows]
        return f"create table {schema}.{name} ({columns})", rows


class DuckDBEngine(Engine):
    name = "duckdb"

    def database(self, build: str) -> Path:
        return self.work_dir / f"{build}.duckdb"

    def connection_env(self, build: str) -> dict[str, str]:
        return {"CX_DUCKDB_PATH": str(self.database(build))}

    def load(self, build: str, tables: dict[str, Table], typed: bool = False) -> None:
        with duckdb.connect(str(self.database(build))) as connection:
            connection.execute("drop schema if exists raw cascade")
            connection.execute("create schema raw")
            for name, table in tables.items():
                create, rows = self.create_sql("raw", name, table, typed)
                connection.execute(create)
                if rows:
                    marks = ", ".join("?" for _ in table.columns)
                    connection.executemany(f"insert into raw.{name} values ({marks})", rows)

    def query(self, build: str, sql: str) -> list[tuple]:
        with duckdb.connect(str(self.database(build)), read_only=True) as connection:
            return connection.execute(sql).fetchall()

    def schema(self, build: str, layer: str = "") -> str:
        return "main" + (f"_{layer}" if layer else "")


class PostgresEngine(Engine):
    name = "postgres"

    def connection_env(self, build: str) -> dict[str, str]:
        return {"CX_PG_SCHEMA": f"bad_input_{build}"}

    def sql_type(self, sql_type: str) -> str:
        return {"timestamp": "timestamp without time zone", "timestamptz": "timestamp with time zone",
                "double": "double precision"}.get(sql_type, sql_type)

    @staticmethod
    def connect():
        import psycopg2

        return psycopg2.connect(
            host=os.environ["CX_PG_HOST"], port=int(os.environ["CX_PG_PORT"]),
            user=os.environ.get("CX_PG_USER", "cx_dbt"), password=os.environ.get("CX_PG_PASSWORD", ""),
            dbname=os.environ.get("CX_PG_DATABASE", "cx"),
        )

    def load(self, build: str, tables: dict[str, Table], typed: bool = False) -> None:
        raw = f"bad_input_{build}_raw"
        connection = self.connect()
        connection.autocommit = True
        with connection.cursor() as cursor:
            for suffix in ["", "_marts", "_quarantine", "_raw"]:
                cursor.execute(f"drop schema if exists bad_input_{build}{suffix} cascade")
            cursor.execute(f"create schema {raw}")
            for name, table in tables.items():
                create, rows = self.create_sql(raw, name, table, typed)
                cursor.execute(create)
                if rows:
                    marks = ", ".join("%s" for _ in table.columns)
                    cursor.executemany(f"insert into {raw}.{name} values ({marks})", rows)
        connection.close()

    def query(self, build: str, sql: str) -> list[tuple]:
        connection = self.connect()
        try:
            with connection.cursor() as cursor:
                cursor.execute(sql)
                return cursor.fetchall()
        finally:
            connection.close()

    def schema(self, build: str, layer: str = "") -> str:
        return f"bad_input_{build}" + (f"_{layer}" if layer else "")


def raw_schema(engine: Engine, build: str) -> str:
    return "raw" if engine.name == "duckdb" else f"bad_input_{build}_raw"


def postgres_available() -> bool:
    if not os.environ.get("CX_PG_HOST") or not os.environ.get("CX_PG_PORT"):
        return False
    try:
        PostgresEngine.connect().close()
    except Exception:
        return False
    return True


@pytest.fixture(scope="module", params=["duckdb", "postgres"])
def engine(request, tmp_path_factory) -> Engine:
    if request.param == "postgres" and not postgres_available():
        pytest.skip("no PostgreSQL server (CX_PG_HOST/CX_PG_PORT); scripts/test_engines.sh starts one")
    work_dir = tmp_path_factory.mktemp(f"bad_input_{request.param}")
    return (DuckDBEngine if request.param == "duckdb" else PostgresEngine)(work_dir)


def vars_for(engine: Engine, build: str, **extra) -> str:
    values = {"cx_source": raw_schema(engine, build), "cx_demo_seeds_enabled": False, **extra}
    return "{" + ", ".join(f"{key}: {value}" for key, value in values.items()) + "}"


def build(engine: Engine, name: str, tables: dict[str, Table], typed: bool = False,
          env: dict[str, str] | None = None, **extra_vars) -> subprocess.CompletedProcess:
    engine.load(name, tables, typed)
    return engine.dbt(name, ["build", "--exclude", "tag:python", "--vars", vars_for(engine, name, **extra_vars)],
                      env or {})


@pytest.fixture(scope="module")
def builds(engine) -> dict[str, subprocess.CompletedProcess]:
    results = {
        "good": build(engine, "good", good_tables(), env={"CX_PII_HASH_KEY": HASH_KEY}),
        "typed": build(engine, "typed", typed_tables(), typed=True, env={
            "CX_PII_HASH_KEY": HASH_KEY, "CX_TEST_SESSION_TIMEZONE": SESSION_TIMEZONE,
            "PGOPTIONS": f"-c TimeZone={SESSION_TIMEZONE}"}),
        "bad": build(engine, "bad", bad_tables(), env={"CX_PII_HASH_KEY": HASH_KEY}),
    }
    for name, result in results.items():
        assert result.returncode == 0, f"{name} build failed:\n" + result.stdout[-6000:] + result.stderr[-2000:]
    return results


def marts(engine: Engine, build_name: str) -> dict[str, list[dict]]:
    schema = engine.schema(build_name, "marts")
    names = [name for (name,) in engine.query(build_name, (
        "select table_name from information_schema.tables "
        f"where table_schema = '{schema}' and table_type = 'BASE TABLE'"))]
    tables = {}
    for name in names:
        columns = [column for (column,) in engine.query(build_name, (
            "select column_name from information_schema.columns "
            f"where table_schema = '{schema}' and table_name = '{name}' order by ordinal_position"))]
        rows = engine.query(build_name, f'select * from {schema}."{name}"')
        tables[name] = [dict(zip(columns, map(normalised, row), strict=True)) for row in rows]
    return tables


def comparable(tables: dict[str, list[dict]]) -> dict[str, list[str]]:
    """The marts as sorted rows, without the quarantine counts (which differ by design)."""
    return {name: sorted(repr(sorted(row.items())) for row in rows) for name, rows in tables.items()
            if name not in QUARANTINE_COUNTS}


def rejected_rows(engine: Engine, build_name: str) -> set[tuple]:
    schema = engine.schema(build_name, "quarantine")
    found = set()
    for table, key in ROW_KEY.items():
        key_sql = " || '|' || ".join(key)
        found |= {(table, *row) for row in engine.query(build_name, (
            f"select {key_sql}, reject_reason, rejected_column from {schema}.{table}_rejected"))}
    return found


def field_findings(engine: Engine, build_name: str) -> set[tuple]:
    schema = engine.schema(build_name, "quarantine")
    return set(engine.query(build_name, (
        "select source_table, row_key, rejected_column, reject_reason, rejected_value "
        f"from {schema}.field_values_rejected")))


def expected(file_name: str, build_name: str) -> set[tuple]:
    with open(FIXTURE / file_name, newline="") as handle:
        return {tuple(row.values())[1:] for row in csv.DictReader(handle) if row["build"] == build_name}


# ---------------------------------------------------------------- good, typed and bad builds


def test_good_rows_quarantine_nothing(engine, builds):
    assert rejected_rows(engine, "good") == set()
    assert field_findings(engine, "good") == set()
    good = marts(engine, "good")
    assert len(good["fct_tickets"]) == 5 and len(good["fct_survey_responses"]) == 5


def test_natively_typed_tables_in_another_time_zone_give_the_same_marts(engine, builds):
    # Items 5 and 6: timestamptz read in an America/New_York session, a floating-point score.
    assert comparable(marts(engine, "typed")) == comparable(marts(engine, "good"))
    # 9.0 is the score 9; only the 7.5 is quarantined.
    assert rejected_rows(engine, "typed") == expected("expected_rejected_rows.csv", "typed")
    created_at = engine.query("typed", f"select created_at from {engine.schema('typed')}.stg_cx__tickets "
                                       "where ticket_id = 'T1'")
    assert normalised(created_at[0][0]) == "2026-03-02 14:30:00"


def test_bad_input_lands_in_quarantine_exactly(engine, builds):
    assert rejected_rows(engine, "bad") == expected("expected_rejected_rows.csv", "bad")
    assert field_findings(engine, "bad") == expected("expected_field_findings.csv", "bad")


def test_bad_input_leaves_the_good_rows_metrics_unchanged(engine, builds):
    # Item 7 (one bad row never moves the as-of), 8 (ids padded with tabs join), 9, 11 (no cascade).
    good, bad = marts(engine, "good"), marts(engine, "bad")
    for (table, key_column, key), changes in EXPECTED_MART_CHANGES.items():
        (row,) = [row for row in good[table] if row[key_column] == key]
        for column, value in changes.items():
            assert row[column] != value, (table, key, column)  # the change is real
            row[column] = value
    assert comparable(bad) == comparable(good)


def test_tickets_that_lost_events_are_flagged(engine, builds):
    flagged = engine.query("bad", f"select ticket_id from {engine.schema('bad', 'marts')}.fct_tickets "
                                  "where has_quarantined_events order by ticket_id")
    assert flagged == [("T2",), ("T4",)]


def test_a_bad_optional_value_does_not_drop_its_row_or_children(engine, builds):
    schema = engine.schema("bad")
    customer = engine.query("bad", f"select annual_revenue from {schema}.stg_cx__customers where customer_id = 'C3'")
    children = engine.query("bad", f"select count(*) from {schema}.stg_cx__tickets where customer_id = 'C3'")
    assert customer == [(None,)] and children == [(1,)]


def test_handles_are_hashed_with_the_key(engine, builds):
    # Item 12: HMAC-SHA256 under CX_PII_HASH_KEY, the same as Python's hmac.
    rows = engine.query("good", f"select conversation_id, customer_handle_hash from "
                                f"{engine.schema('good', 'marts')}.fct_social_conversations")
    authors = {"P1": "@c1", "P4": "@c2", "P5": "@stranger", "P7": "@late"}
    assert dict(rows) == {post: hmac.new(HASH_KEY.encode(), handle.encode(), hashlib.sha256).hexdigest()
                          for post, handle in authors.items()}


def test_post_text_stays_out_of_the_marts_by_default(engine, builds):
    texts = engine.query("good", f"select text from {engine.schema('good', 'marts')}.unanswered_social_posts")
    assert texts and all(text is None for (text,) in texts)


def test_a_missing_hash_key_is_warned_about(engine, builds):
    result = engine.dbt("good", ["compile", "--select", "fct_social_conversations",
                                 "--vars", vars_for(engine, "good")], {})
    assert result.returncode == 0, result.stdout[-3000:]
    assert "cx-metrics privacy: no key for hashing social handles" in result.stdout
    assert "cx-metrics privacy" not in builds["good"].stdout  # the key was set there


def test_feedback_below_threshold_names_the_channel(engine, builds):
    # Item 4: social answered 2 of 4 conversations (P1, P5), 50 % < 90 %.
    assert ("cx-metrics feedback_complete on mart_feedback_completeness: feedback_channel social has "
            "50.0 % of 4 items accounted for, 40.0 points below the threshold of 90.0 % (2 items short)"
            in builds["good"].stdout)


# ---------------------------------------------------------------- absent tables and columns


def test_absent_optional_tables_and_columns_build_with_a_notice(engine):
    # Item 10 (optional tables and columns), item 3 (a column named otherwise), item 4 (an empty table).
    result = build(engine, "minimal", minimal_tables(), cx_column_names="{tickets: {created_at: opened_at}}")
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    for notice in [
        *(f"cx-metrics notice: optional raw table {table} not found" for table in [
            "customer_identities", "survey_invitations", "survey_responses", "sla_policies", "business_hours",
            "holidays"]),
        "cx-metrics notice: raw table tickets has no column subject: read as null (optional).",
        "cx-metrics notice: raw table ticket_events has no column is_public: read as null (optional).",
        "cx-metrics notice: raw table ticket_events has no load-order column _loaded_at",
    ]:
        assert notice in result.stdout, notice
    assert re.search(r"cx-metrics notice: raw table social_posts \(\S*social_posts\S*\) is empty: nothing from it "
                     r"reaches the marts\.", result.stdout)
    tickets = engine.query("minimal", f"select ticket_id, created_at from {engine.schema('minimal', 'marts')}"
                                      ".fct_tickets order by ticket_id")
    assert [(ticket, normalised(created)) for ticket, created in tickets][:2] == [
        ("T1", "2026-03-02 14:30:00"), ("T2", "2026-03-02 15:00:00")]
    assert len(tickets) == 5


def test_a_missing_required_table_or_column_stops_the_run_first(engine):
    engine.load("broken", broken_tables())
    result = engine.dbt("broken", ["run", "--select", "base_cx__tickets", "base_cx__ticket_events",
                                   "--vars", vars_for(engine, "broken")], {})
    assert result.returncode != 0
    assert "cx-metrics source contract (docs/source_contract.md)" in result.stdout
    assert "raw table tickets not found at" in result.stdout
    assert ("has no column actor_type, which the contract requires: who acted, one of customer, agent, system"
            in result.stdout)
    # The contract check runs before any SQL reads the table: no engine error.
    assert "Binder Error" not in result.stdout and "does not exist" not in result.stdout
