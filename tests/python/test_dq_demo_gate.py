"""The data quality gate on the demo build, and tests of its checks.

One build of the demo seeds (models only) into a throwaway DuckDB file, then:
- every Great Expectations suite passes on it, Data Docs are written, and the script exits 0;
- every expectation of every suite fails on a copy of its mart broken for that expectation,
  with a failure naming the mart, the column and the expectation (a check that cannot fail is
  a defect, so an expectation type without a way to break it fails this test);
- the script exits 1 and prints mart.column: expectation on a tampered database, and skips a
  not-yet-built optional mart with a note;
- the dbt partition and reconciliation tests of the feedback-completeness marts pass on the
  demo build and fail once a row is removed or a count is changed.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pytest

from cx_metrics.ge_suites import (
    PANDAS_DTYPES,
    SuiteSpec,
    Validator,
    contract_columns,
    contract_type,
    expectations_for,
    load_specs,
    run_suites,
)

from conftest import REPO_ROOT, copy_database, run_dbt

SCHEMA = "main_marts"
SPECS = {spec.mart: spec for spec in load_specs()}


@pytest.fixture(scope="module")
def validator() -> Validator:
    return Validator(docs_dir=None)


def _read(database: Path, mart: str) -> pd.DataFrame | None:
    with duckdb.connect(str(database), read_only=True) as connection:
        built = connection.execute(
            "select count(*) from information_schema.tables where table_schema = ? and table_name = ?",
            [SCHEMA, mart]).fetchone()[0]
        return connection.execute(f"select * from {SCHEMA}.{mart}").df() if built else None


# ---------------------------------------------------------------------------------------------
# Suites: shape


def test_contract_types_are_recognised():
    assert contract_type("{{ 'string' if target.type == 'spark' else 'text' }}") == "text"
    assert contract_type("decimal(28,6)") == "decimal"
    assert [contract_type(t) for t in ["timestamp", "date", "bigint", "int", "boolean"]] == [
        "timestamp", "date", "integer", "integer", "boolean"]
    assert contract_type("array<int>") is None


def test_every_required_suite_is_for_a_contracted_mart():
    for mart, spec in SPECS.items():
        if spec.required:
            contract = contract_columns(mart)
            assert contract, f"{mart}: no dbt contract found under models/"
            assert all(kind in PANDAS_DTYPES for kind in contract.values()), (mart, contract)


def test_optional_suites_are_the_marts_built_later():
    assert {mart for mart, spec in SPECS.items() if not spec.required} == {
        "fct_survey_responses", "mart_advocacy", "dim_customer_advocacy"}


# ---------------------------------------------------------------------------------------------
# Suites on the demo build


def test_suites_pass_on_the_demo_build_and_write_data_docs(demo_database, tmp_path):
    outcomes, index = run_suites(demo_database, SCHEMA, docs_dir=tmp_path / "docs")
    by_mart = {outcome.mart: outcome for outcome in outcomes}
    failed = [str(failure) for outcome in outcomes for failure in outcome.failures]
    assert not failed, "\n".join(failed)
    for mart, spec in SPECS.items():
        assert by_mart[mart].status in (("passed",) if spec.required else ("passed", "skipped")), mart
    assert index == tmp_path / "docs" / "index.html" and index.exists()
    html = index.read_text()
    for mart, outcome in by_mart.items():
        if outcome.status == "passed":
            assert mart in html, f"{mart} missing from the Data Docs index"


def _break(frame: pd.DataFrame, expectation: dict[str, Any]) -> pd.DataFrame:
    """A copy of `frame` that breaks `expectation` (and ideally nothing else)."""
    kind, kwargs = expectation["type"], expectation["kwargs"]
    frame = frame.copy()
    column = kwargs.get("column")
    if kind == "expect_column_values_to_be_between":
        bad = kwargs["max_value"] + 1 if "max_value" in kwargs else kwargs["min_value"] - 1
        frame[column] = frame[column].astype(object)
        frame.loc[frame.index[0], column] = bad
    elif kind in ("expect_column_values_to_not_be_null", "expect_column_proportion_of_non_null_values_to_be_between"):
        frame[column] = frame[column].astype(object)
        frame.loc[frame.index[0], column] = None
    elif kind == "expect_column_values_to_be_unique":
        present = frame.index[frame[column].notna()]
        frame.loc[present[1], column] = frame.loc[present[0], column]
    elif kind == "expect_compound_columns_to_be_unique":
        for key in kwargs["column_list"]:
            frame.loc[frame.index[1], key] = frame.loc[frame.index[0], key]
    elif kind == "expect_column_values_to_be_in_set":
        frame[column] = frame[column].astype(object)
        frame.loc[frame.index[0], column] = False if all(isinstance(v, bool) for v in kwargs["value_set"]) \
            else "__not_in_the_set__"
    elif kind == "expect_column_pair_values_a_to_be_greater_than_b":
        a, b = kwargs["column_A"], kwargs["column_B"]
        both = frame.index[frame[a].notna() & frame[b].notna()]
        step = pd.Timedelta(seconds=1) if pd.api.types.is_datetime64_any_dtype(frame[b]) else 1
        frame.loc[both[0], a] = frame.loc[both[0], b] - step
    elif kind == "expect_table_row_count_to_be_between":
        frame = frame.iloc[0:0] if kwargs.get("min_value", 0) >= 1 else pd.concat([frame] * 2)
    elif kind == "expect_table_row_count_to_equal":
        frame = frame.iloc[1:]
    elif kind == "expect_table_columns_to_match_set":
        frame = frame.drop(columns=[frame.columns[-1]])
    elif kind == "expect_column_values_to_be_in_type_list":
        text = "str" in kwargs["type_list"]
        frame[column] = pd.Series(range(len(frame)), index=frame.index) if text else "not a number or date"
    else:
        raise AssertionError(f"no way to break {kind}: add one here (a check that cannot fail is a defect)")
    return frame


@pytest.mark.parametrize("mart", sorted(SPECS))
def test_every_expectation_fails_on_a_mart_broken_for_it(demo_database, validator, mart):
    frame = _read(demo_database, mart)
    if frame is None:
        pytest.skip(f"{mart} is not built in this checkout")
    frame = frame.head(200)
    spec: SuiteSpec = SPECS[mart]
    for number, expectation in enumerate(expectations_for(spec, contract_columns(mart))):
        label = f"{mart}: {expectation['type']} {expectation['kwargs']}"
        passing = validator.validate(mart, frame, [expectation], name=f"{mart}_{number}_ok")
        assert passing.status == "passed", f"{label} fails on the demo build: {passing.failures}"
        broken = validator.validate(mart, _break(frame, expectation), [expectation], name=f"{mart}_{number}_broken")
        assert broken.status == "failed", f"{label} did not catch the broken frame"
        (failure,) = broken.failures
        assert (failure.mart, failure.expectation) == (mart, expectation["type"]), label
        assert failure.column == expectation["kwargs"].get("column"), label
        expected_where = f"{mart}.{failure.column}" if failure.column else mart
        assert str(failure).startswith(f"FAILED {expected_where}: {expectation['type']}"), str(failure)


# ---------------------------------------------------------------------------------------------
# The script (the command `make test` runs)


def _script(database: Path, docs: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, CX_DUCKDB_PATH=str(database), GX_ANALYTICS_ENABLED="false")
    return subprocess.run([sys.executable, str(REPO_ROOT / "scripts" / "run_great_expectations.py"),
                           "--docs", str(docs)], env=env, capture_output=True, text=True, cwd=REPO_ROOT)


def test_script_fails_naming_mart_column_and_expectation(demo_database, tmp_path):
    database = copy_database(demo_database, tmp_path)
    with duckdb.connect(str(database)) as connection:
        connection.execute(f"update {SCHEMA}.mart_feedback_completeness set completeness_rate = 1.5 "
                           "where received_date = (select min(received_date) from "
                           f"{SCHEMA}.mart_feedback_completeness)")
        connection.execute(f"drop table if exists {SCHEMA}.fct_survey_responses")
    result = _script(database, tmp_path / "docs")
    assert result.returncode == 1, result.stdout + result.stderr
    assert ("FAILED mart_feedback_completeness.completeness_rate: expect_column_values_to_be_between"
            in result.stdout), result.stdout
    assert "skipped fct_survey_responses: main_marts.fct_survey_responses is not built yet" in result.stdout
    assert (tmp_path / "docs" / "index.html").exists()


def test_script_fails_when_a_required_mart_is_missing(demo_database, tmp_path):
    database = copy_database(demo_database, tmp_path)
    with duckdb.connect(str(database)) as connection:
        connection.execute(f"drop table {SCHEMA}.fct_feedback_items")
    result = _script(database, tmp_path / "docs")
    assert result.returncode == 1
    assert "FAILED fct_feedback_items: mart exists (main_marts.fct_feedback_items is not built)" in result.stdout


def test_script_passes_on_the_demo_build(demo_database, tmp_path):
    result = _script(demo_database, tmp_path / "docs")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "passed  mart_feedback_completeness" in result.stdout
    assert f"Data Docs: {tmp_path / 'docs' / 'index.html'}" in result.stdout


# ---------------------------------------------------------------------------------------------
# dbt tests of the feedback-completeness marts on a tampered build

PARTITION_TEST = "mart_feedback_completeness_states_add_up"
SELECTION = ["quality_feedback_items_reconcile", PARTITION_TEST]


def _dbt_test(database: Path, work_dir: Path) -> subprocess.CompletedProcess:
    return run_dbt(["test", "--select", *SELECTION], database, work_dir)


def test_completeness_tests_pass_on_the_demo_build(demo_database, tmp_path):
    result = _dbt_test(copy_database(demo_database, tmp_path), tmp_path)
    assert result.returncode == 0, result.stdout[-3000:]
    for name in SELECTION:
        assert f"PASS {name} " in result.stdout, name


def test_reconciliation_catches_a_lost_feedback_item(demo_database, tmp_path):
    database = copy_database(demo_database, tmp_path)
    with duckdb.connect(str(database)) as connection:
        connection.execute(f"delete from {SCHEMA}.fct_feedback_items where feedback_item_id = "
                           f"(select min(feedback_item_id) from {SCHEMA}.fct_feedback_items "
                           "where feedback_channel = 'survey')")
    result = _dbt_test(database, tmp_path)
    assert result.returncode != 0
    assert "Failure in test quality_feedback_items_reconcile" in result.stdout
    # the item is gone from the facts list but still counted in the mart: both checks fire
    assert "Got 2 results" in result.stdout


def test_partition_test_catches_a_count_that_does_not_add_up(demo_database, tmp_path):
    database = copy_database(demo_database, tmp_path)
    with duckdb.connect(str(database)) as connection:
        connection.execute(f"update {SCHEMA}.mart_feedback_completeness "
                           "set items_open_past_target = items_open_past_target + 1 "
                           "where received_date = "
                           f"(select max(received_date) from {SCHEMA}.mart_feedback_completeness)")
    result = _dbt_test(database, tmp_path)
    assert result.returncode != 0
    assert f"Failure in test {PARTITION_TEST}" in result.stdout
