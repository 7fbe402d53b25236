"""The demo summary: formatting, and sections that appear only when their mart exists."""

from __future__ import annotations

import duckdb

from cx_metrics.summary import build_summary, format_table


def test_format_table_aligns_text_left_and_numbers_right():
    text = format_table(["table", "rows"], [("tickets", 1200), ("holidays", 7)])
    assert text.splitlines() == [
        "table      rows",
        "--------  -----",
        "tickets   1,200",
        "holidays      7",
    ]


def test_format_table_shows_missing_values_and_booleans():
    text = format_table(["a", "b"], [(None, True), ("x", False)])
    assert text.splitlines()[2:] == ["-  yes", "x  NO"]


def test_summary_without_marts_says_to_build_first():
    with duckdb.connect() as connection:
        assert "run the dbt build first" in build_summary(connection, "main")


def test_summary_lists_quarantine_reasons_when_the_mart_exists():
    with duckdb.connect() as connection:
        connection.execute(
            "create table mart_quarantine_summary as select 'tickets' as source_table, "
            "'unknown_enum' as reject_reason, 'channel' as rejected_column, 3 as rejected_rows"
        )
        summary = build_summary(connection, "main")
    assert "Quarantined rows by reason" in summary
    assert "unknown_enum" in summary and "channel" in summary
    assert "Raw rows staged" not in summary
