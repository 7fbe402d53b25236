"""Tests of the generic data tests in macros/tests/: each one fails on a deliberately broken
fixture, with failure rows naming the model, column and rule, and passes on a fixed one
(boundary values included).

A throwaway dbt project installs cx_metrics as a package (`packages: - local:`), the way a
user's project does, loads the CSVs of tests/fixtures/dq_generic_tests/ as seeds and applies
the package's generic tests to them. Failing rows are stored (store_failures) and read back.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import textwrap
from pathlib import Path

import duckdb
import pytest

from conftest import DBT, REPO_ROOT

FIXTURES = REPO_ROOT / "tests" / "fixtures" / "dq_generic_tests"
AS_OF = "2026-03-10 12:00:00"

PROJECT_YML = f"""
name: dq_fixtures
version: "0.1.0"
config-version: 2
profile: dq_fixtures
seed-paths: ["seeds"]
model-paths: ["models"]
flags:
  send_anonymous_usage_stats: false
vars:
  cx_demo_seeds_enabled: false
  cx_as_of: "{AS_OF}"
  cx_feedback_complete_threshold: 0.9
  cx_feedback_complete_severity: error
  cx_quarantine_severity: warn
seeds:
  dq_fixtures:
    +quote_columns: false
data_tests:
  dq_fixtures:
    +store_failures: true
"""

PROFILES_YML = """
dq_fixtures:
  target: duckdb
  outputs:
    duckdb:
      type: duckdb
      path: "{{ env_var('CX_DUCKDB_PATH') }}"
      schema: main
      threads: 2
"""

# Tests applied to a broken and a fixed fixture each: seed dq_<stem>_<kind>, test dq_<stem>_<kind>.
PAIRED_TESTS = """
  - name: dq_ticket_times_{kind}
    data_tests:
      - cx_metrics.timestamps_in_order:
          name: dq_ticket_times_{kind}
          arguments:
            columns: [created_at, first_reply_at, last_solved_at]
            key_column: ticket_id
  - name: dq_survey_scores_{kind}
    columns:
      - name: score
        data_tests:
          - cx_metrics.score_in_range:
              name: dq_survey_scores_{kind}
  - name: dq_event_times_{kind}
    data_tests:
      - cx_metrics.no_future_timestamps:
          name: dq_event_times_{kind}
          arguments:
            columns: [happened_at, recorded_at]
            key_column: event_id
  - name: dq_completeness_{kind}
    data_tests:
      - cx_metrics.feedback_complete:
          name: dq_completeness_{kind}
  - name: dq_partition_{kind}
    data_tests:
      - cx_metrics.parts_add_up:
          name: dq_partition_{kind}
          arguments:
            total_column: items_received
            part_columns: [items_accounted_for, items_open_within_target, items_open_past_target]
  - name: dq_keys_{kind}
    data_tests:
      - cx_metrics.unique_key_combination:
          name: dq_keys_{kind}
          arguments:
            columns: [platform, handle]
"""

# Tests whose broken and fixed cases share a seed.
OTHER_TESTS = """
  - name: dq_staged_rows
    data_tests:
      - cx_metrics.row_count_reconciles:
          name: dq_row_counts_broken
          arguments:
            source_relation: ref('dq_raw_rows')
            rejected_relation: ref('dq_rejected_rows_broken')
      - cx_metrics.row_count_reconciles:
          name: dq_row_counts_ok
          arguments:
            source_relation: ref('dq_raw_rows')
            rejected_relation: ref('dq_rejected_rows_ok')
  - name: dq_rejected_rows_broken
    data_tests:
      - cx_metrics.quarantine_is_empty:
          name: dq_quarantine_broken
          arguments:
            source_table: raw_rows
  - name: dq_rejected_rows_empty
    data_tests:
      - cx_metrics.quarantine_is_empty:
          name: dq_quarantine_ok
          arguments:
            source_table: raw_rows
"""


def _schema_yml() -> str:
    return ("version: 2\nseeds:" + PAIRED_TESTS.format(kind="broken") + PAIRED_TESTS.format(kind="ok")
            + OTHER_TESTS)


@pytest.fixture(scope="module")
def fixture_run(tmp_path_factory):
    project = tmp_path_factory.mktemp("dq_generic_tests")
    (project / "dbt_project.yml").write_text(PROJECT_YML)
    (project / "profiles.yml").write_text(PROFILES_YML)
    (project / "packages.yml").write_text(f"packages:\n  - local: {REPO_ROOT}\n")
    shutil.copytree(FIXTURES, project / "seeds")
    (project / "models").mkdir()
    (project / "models" / "schema.yml").write_text(_schema_yml())
    database = project / "dq.duckdb"
    env = dict(os.environ, CX_DUCKDB_PATH=str(database), DBT_PROFILES_DIR=str(project))
    deps = subprocess.run([DBT, "deps"], cwd=project, env=env, capture_output=True, text=True)
    assert deps.returncode == 0, deps.stdout + deps.stderr
    build = subprocess.run([DBT, "build", "--select", "package:dq_fixtures"], cwd=project, env=env,
                           capture_output=True, text=True)
    results = json.loads((project / "target" / "run_results.json").read_text())["results"]
    by_name = {result["unique_id"].split(".")[2]: result for result in results
               if result["unique_id"].startswith("test.")}
    return build, by_name, database


def _failures(database: Path, result: dict) -> list[dict]:
    """The rows a failing test stored (store_failures), as dicts."""
    with duckdb.connect(str(database), read_only=True) as connection:
        cursor = connection.execute(f"select * from {result['relation_name']}")
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def test_the_build_fails_and_names_the_broken_tests(fixture_run):
    build, by_name, _ = fixture_run
    assert build.returncode != 0
    for name in ["dq_ticket_times_broken", "dq_survey_scores_broken", "dq_event_times_broken",
                 "dq_completeness_broken", "dq_partition_broken", "dq_row_counts_broken", "dq_keys_broken"]:
        assert f"Failure in test {name}" in build.stdout, name


@pytest.mark.parametrize("name", ["dq_ticket_times_ok", "dq_survey_scores_ok", "dq_event_times_ok",
                                  "dq_completeness_ok", "dq_partition_ok", "dq_row_counts_ok", "dq_keys_ok",
                                  "dq_quarantine_ok"])
def test_fixed_fixture_passes(fixture_run, name):
    _, by_name, _ = fixture_run
    assert by_name[name]["status"] == "pass", by_name[name]


def test_timestamps_in_order_names_each_broken_pair(fixture_run):
    _, by_name, database = fixture_run
    result = by_name["dq_ticket_times_broken"]
    assert result["status"] == "fail"
    rows = _failures(database, result)
    found = {(row["model_name"], row["row_key"], row["column_name"], row["rule"]) for row in rows}
    # T2 replied before it was created; T3 has no reply, and was solved before it was created.
    assert found == {
        ("dq_ticket_times_broken", "T2", "first_reply_at", "timestamps_in_order: created_at <= first_reply_at"),
        ("dq_ticket_times_broken", "T3", "last_solved_at", "timestamps_in_order: created_at <= last_solved_at"),
    }


def test_score_in_range_names_each_bad_score(fixture_run):
    _, by_name, database = fixture_run
    result = by_name["dq_survey_scores_broken"]
    assert result["status"] == "fail"
    rows = _failures(database, result)
    assert {(row["survey_type"], row["score"]) for row in rows} == {("nps", 11), ("csat", 0), ("pulse", 3)}
    assert {row["model_name"] for row in rows} == {"dq_survey_scores_broken"}
    assert {row["column_name"] for row in rows} == {"score"}
    assert all(row["rule"].startswith("score_in_range: nps 0-10, csat 1-5, ces 1-7") for row in rows)


def test_no_future_timestamps_names_the_late_value(fixture_run):
    _, by_name, database = fixture_run
    result = by_name["dq_event_times_broken"]
    assert result["status"] == "fail"
    rows = _failures(database, result)
    assert [(row["model_name"], row["row_key"], row["column_name"], row["rule"]) for row in rows] == [
        ("dq_event_times_broken", "E2", "recorded_at", "no_future_timestamps: recorded_at <= as_of"),
    ]
    assert rows[0]["as_of_value"].startswith(AS_OF)


def test_feedback_complete_names_the_channel_below_threshold(fixture_run):
    _, by_name, database = fixture_run
    result = by_name["dq_completeness_broken"]
    assert result["status"] == "fail"  # severity error from var cx_feedback_complete_severity
    rows = _failures(database, result)
    # social: (5 + 3) / (5 + 5) = 0.8 < 0.9; ticket: 10 / 10.
    assert [(row["model_name"], row["feedback_channel"], row["column_name"]) for row in rows] == [
        ("dq_completeness_broken", "social", "items_accounted_for"),
    ]
    assert rows[0]["rule"] == "feedback_complete: share accounted for >= 0.9"
    assert float(rows[0]["share_accounted_for"]) == pytest.approx(0.8)


def test_parts_add_up_names_each_row_that_does_not(fixture_run):
    _, by_name, database = fixture_run
    result = by_name["dq_partition_broken"]
    assert result["status"] == "fail"
    rows = _failures(database, result)
    # B: 5 + 3 + 1 = 9 <> 10; C: a null part.
    assert sorted(row["row_id"] for row in rows) == ["B", "C"]
    assert {(row["model_name"], row["column_name"], row["rule"]) for row in rows} == {(
        "dq_partition_broken", "items_received",
        "parts_add_up: items_received = items_accounted_for + items_open_within_target + items_open_past_target",
    )}


def test_row_count_reconciles_names_the_tables(fixture_run):
    _, by_name, database = fixture_run
    result = by_name["dq_row_counts_broken"]
    assert result["status"] == "fail"
    (row,) = _failures(database, result)
    assert (row["source_table"], row["model_name"], row["rejected_model"]) == (
        "dq_raw_rows", "dq_staged_rows", "dq_rejected_rows_broken")
    assert (row["source_rows"], row["staged_rows"], row["rejected_rows"]) == (5, 3, 1)
    assert row["rule"] == "row_count_reconciles: source rows = staged rows + rejected rows"


def test_unique_key_combination_names_the_duplicate(fixture_run):
    _, by_name, database = fixture_run
    result = by_name["dq_keys_broken"]
    assert result["status"] == "fail"
    rows = _failures(database, result)
    assert [(row["model_name"], row["platform"], row["handle"], row["occurrences"]) for row in rows] == [
        ("dq_keys_broken", "twitter", "@a", 2)]
    assert rows[0]["column_name"] == "platform, handle"


def test_quarantine_is_empty_warns_with_the_rule_and_column(fixture_run):
    _, by_name, database = fixture_run
    result = by_name["dq_quarantine_broken"]
    assert result["status"] == "warn"  # severity from var cx_quarantine_severity
    rows = _failures(database, result)
    assert [(row["source_table"], row["rejected_column"], row["reject_reason"], row["rejected_rows"])
            for row in rows] == [("raw_rows", "score", "out_of_range", 1)]


def test_schema_yml_covers_every_fixture_csv():
    """Every fixture CSV is used by a test (a fixture nobody reads is a check that cannot fail)."""
    schema = _schema_yml()
    referenced = {stem for stem in (path.stem for path in FIXTURES.glob("*.csv"))
                  if f"name: {stem}\n" in schema or f"ref('{stem}')" in schema}
    assert referenced == {path.stem for path in FIXTURES.glob("*.csv")}, textwrap.shorten(schema, 200)
