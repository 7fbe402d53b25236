"""The cross-engine comparison: what counts as equal and what is reported as a difference."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import numpy as np
import pandas as pd

from cx_metrics.engine_compare import compare_engines, compare_marts, normalise_value


def test_values_are_normalised_to_one_form():
    assert normalise_value(Decimal("12.50")) == 12.5
    assert normalise_value(np.int64(3)) == 3.0
    assert normalise_value(np.bool_(True)) is True
    assert normalise_value(float("nan")) is None
    assert normalise_value(pd.NaT) is None
    assert normalise_value(pd.NA) is None
    assert normalise_value(datetime(2026, 3, 8, 7, 30, 59, 999999)) == "2026-03-08 07:30:59"
    assert normalise_value(datetime(2026, 3, 8, 2, 30, tzinfo=UTC)) == "2026-03-08 02:30:00"
    assert normalise_value(date(2026, 3, 8)) == "2026-03-08 00:00:00"
    assert normalise_value(date(2026, 3, 8)) == normalise_value(pd.Timestamp("2026-03-08"))


def test_row_order_column_case_and_float_noise_do_not_count():
    duckdb_frame = pd.DataFrame({"day": ["2026-01-01", "2026-01-02"], "NPS": [50.0, 1 / 3]})
    spark_frame = pd.DataFrame({"nps": [1 / 3 + 1e-14, 50], "day": ["2026-01-02", "2026-01-01"]})
    assert compare_marts("mart_advocacy", "duckdb", duckdb_frame, "spark", spark_frame) == []


def test_a_real_difference_names_mart_row_column_and_both_values():
    duckdb_frame = pd.DataFrame({"channel": ["email"], "tickets": [10]})
    postgres_frame = pd.DataFrame({"channel": ["email"], "tickets": [11]})
    [difference] = compare_marts("mart_resolution", "duckdb", duckdb_frame, "postgres", postgres_frame)
    assert str(difference) == "mart_resolution: sorted row 0, column tickets: duckdb=10.0 postgres=11.0"


def test_relative_tolerance_is_one_in_a_billion():
    left = pd.DataFrame({"x": [1_000_000.0]})
    assert compare_marts("m", "a", left, "b", pd.DataFrame({"x": [1_000_000.0005]})) == []
    assert compare_marts("m", "a", left, "b", pd.DataFrame({"x": [1_000_000.01]})) != []


def test_the_last_decimal_place_may_round_either_way():
    left = pd.DataFrame({"median_minutes": [Decimal("524.116666")]})
    assert compare_marts("m", "a", left, "b", pd.DataFrame({"median_minutes": [Decimal("524.116667")]})) == []
    assert compare_marts("m", "a", left, "b", pd.DataFrame({"median_minutes": [Decimal("524.116668")]})) != []


def test_null_is_not_zero():
    assert compare_marts("m", "a", pd.DataFrame({"x": [None]}), "b", pd.DataFrame({"x": [0]})) != []


def test_row_counts_columns_and_missing_marts_are_reported():
    one_row = pd.DataFrame({"x": [1]})
    assert "1 rows in a, 2 in b" in str(compare_marts("m", "a", one_row, "b", pd.DataFrame({"x": [1, 2]}))[0])
    assert "columns differ" in str(compare_marts("m", "a", one_row, "b", pd.DataFrame({"y": [1]}))[0])
    frames = {"duckdb": {"m": one_row}, "postgres": {}}
    assert [str(d) for d in compare_engines(["m"], frames, "duckdb")] == ["m: missing in postgres"]
