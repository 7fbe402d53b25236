"""Raw PII never reaches a mart: no e-mail address and no customer social handle appears in
any text column of any table in the marts schema (handles are hashed there)."""

from __future__ import annotations

import duckdb


def test_no_email_or_customer_handle_in_any_mart(demo_database):
    with duckdb.connect(str(demo_database), read_only=True) as connection:
        secrets = {
            value for (value,) in connection.execute(
                "select email from main.stg_cx__customers where email is not null "
                "union select author_handle from main.stg_cx__social_posts "
                "where not author_is_brand and author_handle is not null"
            ).fetchall()
        }
        text_columns = connection.execute(
            "select table_name, column_name from information_schema.columns "
            "where table_schema = 'main_marts' and data_type = 'VARCHAR'"
        ).fetchall()
        assert secrets and text_columns
        leaks = []
        for table, column in text_columns:
            values = {value for (value,) in connection.execute(
                f'select distinct "{column}" from main_marts."{table}" where "{column}" is not null'
            ).fetchall()}
            leaks += [f"{table}.{column}: {value}" for value in sorted(values & secrets)[:3]]
    assert leaks == []
