"""The social section of the CX summary: the largest brands, response rate and median minutes."""

from __future__ import annotations

import duckdb

from cx_metrics.summary import build_summary, section_social_responsiveness


def _conversations(connection: duckdb.DuckDBPyConnection) -> None:
    connection.execute(
        "create table fct_social_conversations as select * from (values "
        "('twitter', 'acme', true, 10.0, timestamp '2026-03-02 10:10:00', false), "
        "('twitter', 'acme', true, 30.0, timestamp '2026-03-02 10:30:00', false), "
        "('twitter', 'acme', false, null, null, false), "
        "('twitter', 'bolt', true, 5.0, timestamp '2026-03-02 10:05:00', false), "
        "('twitter', 'bolt', false, null, null, true)"
        ") as t(platform, brand, is_answered, response_minutes, first_brand_reply_at, is_orphan_thread)"
    )


def test_social_section_ranks_brands_by_conversations_without_orphans():
    with duckdb.connect() as connection:
        _conversations(connection)
        lines = section_social_responsiveness(connection, "main").splitlines()
    # acme: 3 conversations, 2 answered -> 66.7 %, median of 10 and 30 = 20; bolt: the orphan is left out.
    assert lines[3].split() == ["twitter", "acme", "3", "66.7", "20.0", "1"]
    assert lines[4].split() == ["twitter", "bolt", "1", "100.0", "5.0", "0"]


def test_social_section_appears_when_the_fact_exists():
    with duckdb.connect() as connection:
        _conversations(connection)
        assert "Social responsiveness" in build_summary(connection, "main")
