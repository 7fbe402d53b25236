"""Least privilege on PostgreSQL: the BI role reads the marts and nothing else.

Runs after `dbt build --target postgres` (scripts/test_engines.sh), against the server named
by the CX_PG_* variables. Connects as the BI role itself (var cx_bi_reader_role).
"""

from __future__ import annotations

import os

import psycopg2
import pytest
from psycopg2 import errors

SCHEMA = os.environ.get("CX_PG_SCHEMA", "cx")
BI_ROLE = os.environ.get("CX_BI_READER_ROLE", "cx_bi_reader")


def connect(user: str):
    return psycopg2.connect(
        host=os.environ["CX_PG_HOST"], port=int(os.environ["CX_PG_PORT"]), user=user,
        password=os.environ.get("CX_PG_PASSWORD", "") if user != BI_ROLE else "",
        dbname=os.environ.get("CX_PG_DATABASE", "cx"),
    )


@pytest.fixture
def bi_cursor():
    connection = connect(BI_ROLE)
    connection.autocommit = True
    try:
        yield connection.cursor()
    finally:
        connection.close()


@pytest.mark.parametrize("mart", ["fct_tickets", "mart_response_time", "fct_social_conversations",
                                  "mart_quarantine_summary"])
def test_bi_role_reads_marts(bi_cursor, mart):
    bi_cursor.execute(f"select count(*) from {SCHEMA}_marts.{mart}")
    assert bi_cursor.fetchone()[0] > 0


@pytest.mark.parametrize("relation", [
    f"{SCHEMA}.tickets",                   # raw table (demo seed)
    f"{SCHEMA}.customers",                 # raw table with e-mails
    f"{SCHEMA}.stg_cx__customers",         # staging
    f"{SCHEMA}.base_cx__social_posts",     # validation step
    f"{SCHEMA}_quarantine.customers_rejected",  # quarantine: raw values
])
def test_bi_role_cannot_read_anything_else(bi_cursor, relation):
    with pytest.raises(errors.InsufficientPrivilege):
        bi_cursor.execute(f"select * from {relation} limit 1")


def test_the_relations_denied_above_exist():
    # A permission error on a relation that does not exist would prove nothing.
    connection = connect(os.environ.get("CX_PG_USER", "cx_dbt"))
    try:
        with connection.cursor() as cursor:
            for relation in ["tickets", "customers", "stg_cx__customers", "base_cx__social_posts"]:
                cursor.execute(f"select 1 from {SCHEMA}.{relation} limit 1")
            cursor.execute(f"select 1 from {SCHEMA}_quarantine.customers_rejected limit 1")
    finally:
        connection.close()
