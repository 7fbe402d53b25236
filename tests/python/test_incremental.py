"""Incremental builds give the marts of a full refresh (docs/incremental.md).

A generated world is shown to a first DuckDB build as of a time cut (raw views keep the rows
before it, and hold back a share of the last day's rows: late arrivals). Then every row is
exposed and `dbt run` runs incrementally; the batch holds new tickets, new events on old
tickets, late survey answers, new replies in old social threads, an old ticket's event_id
re-used on a new ticket, a customer that arrives after its (solved) tickets, a solved ticket
whose new row names an unknown customer (it leaves staging), an answered invitation sent
again after its answer, a customer whose new row changes its segment and a ticket whose new
schedule row replaces its schedule (asserted). A second database is built with
--full-refresh on the same full data; every model of the marts schema must be the same in both,
row for row (cx_metrics.engine_compare, decimals to 1e-6). A second incremental run with
nothing new must succeed and leave every mart as it was.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from cx_metrics.engine_compare import compare_marts
from cx_metrics.incremental import changed_rows, cut_for_share, exposure_sql, reuse_scores, time_cut_views

from conftest import REPO_ROOT, run_dbt

TICKETS = 1000
NEW_SHARE = 0.1  # share of tickets created after the cut
VARS = "{cx_source: raw}"


def expose(parquet_dir: Path, database: Path, cut: str | None, late_from: str | None = None,
           loaded_before: pd.Timestamp | None = None) -> None:
    """Raw views of the Parquet files as of `cut` (time_cut_views); with `loaded_before`, without
    the rows loaded then or later (the planted late rows)."""
    tables = {path.stem: f"read_parquet('{path}')" for path in sorted(parquet_dir.glob("*.parquet"))}
    with duckdb.connect(str(database)) as connection:
        connection.execute("create schema if not exists raw")
        for name, select in time_cut_views(tables, cut, late_from).items():
            if loaded_before is not None:
                select = (f"select * from ({select}) as rows where not coalesce("
                          f"try_cast(_loaded_at as timestamp) >= timestamp '{loaded_before}', false)")
            connection.execute(f"create or replace view raw.{name} as {select}")


def dbt_run(database: Path, work_dir: Path, *extra: str) -> None:
    result = run_dbt(["run", "--vars", VARS, "--exclude", "resource_type:seed", *extra], database, work_dir)
    assert result.returncode == 0, result.stdout[-4000:]


def first_reply_after(parquet_dir: Path, instant: str) -> str:
    """The creation time of the first social reply at or after `instant` (social threads are
    short: a cut there leaves that reply to the batch and its thread to the first build)."""
    with duckdb.connect() as connection:
        return str(connection.execute(f"""
            select min(try_cast(created_at as timestamp))
            from read_parquet('{parquet_dir / "social_posts.parquet"}')
            where in_reply_to_post_id is not null and try_cast(created_at as timestamp) >= timestamp '{instant}'
        """).fetchone()[0])


def plant_shared_event_id(parquet_dir: Path, late_from: str) -> None:
    """Re-use an old ticket's event_id on a new ticket: a copy of a customer comment that the first
    build sees (well before `late_from`), moved to the last ticket created (after the cut), half an
    hour after its creation and loaded later than the original. On the full data the new row wins
    the key (latest load) and the old ticket's comment is quarantined as its duplicate, which an
    incremental run must find although no row of the old ticket changed."""
    events_path = parquet_dir / "ticket_events.parquet"
    events = pd.read_parquet(events_path)
    tickets = pd.read_parquet(parquet_dir / "tickets.parquet")
    new_ticket = tickets.loc[pd.to_datetime(tickets["created_at"], errors="coerce").idxmax()]
    events_at = pd.to_datetime(events["event_at"], errors="coerce")
    seen_by_first_build = events_at < pd.Timestamp(late_from) - pd.Timedelta(days=7)
    customer_comment = (events["event_type"] == "comment") & (events["actor_type"] == "customer")
    old_comments = events[customer_comment & seen_by_first_build]
    shared = old_comments.iloc[[0]].copy()
    event_at = pd.Timestamp(new_ticket["created_at"]) + pd.Timedelta(minutes=30)
    shared["ticket_id"] = new_ticket["ticket_id"]
    shared["event_at"] = event_at.strftime("%Y-%m-%d %H:%M:%S")
    shared["_loaded_at"] = (event_at + pd.Timedelta(hours=1)).strftime("%Y-%m-%d %H:%M:%S")
    pd.concat([events, shared], ignore_index=True).to_parquet(events_path, index=False)


def latest_load(parquet_dir: Path) -> pd.Timestamp:
    """The latest _loaded_at of any raw row."""
    with duckdb.connect() as connection:
        return pd.Timestamp(connection.execute(" union all ".join(
            f"select max(try_cast(_loaded_at as timestamp)) from read_parquet('{path}')"
            for path in sorted(parquet_dir.glob("*.parquet"))) + " order by 1 desc nulls last limit 1").fetchone()[0])


def plant_late_customer(parquet_dir: Path, loaded_at: pd.Timestamp) -> str:
    """A customer whose tickets are all solved, the oldest such ticket first, loaded at
    `loaded_at` (after the first build): its tickets, their events, invitations and responses are
    quarantined as orphans there, and the incremental run must validate them again and rebuild
    the tickets although none of their rows changed (a solved ticket is not rebuilt for its
    open durations)."""
    with duckdb.connect() as connection:
        customer_id = connection.execute(f"""
            with
            latest_status as (
                select ticket_id, arg_max(lower(status), try_cast(event_at as timestamp)) as status
                from read_parquet('{parquet_dir / "ticket_events.parquet"}')
                where event_type = 'status_change'
                group by ticket_id
            )
            select tickets.customer_id
            from read_parquet('{parquet_dir / "tickets.parquet"}') as tickets
            inner join read_parquet('{parquet_dir / "customers.parquet"}') as customers
                on tickets.customer_id = customers.customer_id
            left join latest_status on tickets.ticket_id = latest_status.ticket_id
            group by tickets.customer_id
            having bool_and(coalesce(latest_status.status, 'new') in ('solved', 'closed'))
            order by min(try_cast(tickets.created_at as timestamp))
            limit 1
        """).fetchone()[0]
    customers_path = parquet_dir / "customers.parquet"
    customers = pd.read_parquet(customers_path)
    customers.loc[customers["customer_id"] == customer_id, "_loaded_at"] = loaded_at.strftime("%Y-%m-%d %H:%M:%S")
    customers.to_parquet(customers_path, index=False)
    return customer_id


def plant_ticket_leaving(parquet_dir: Path, loaded_at: pd.Timestamp, late_customer: str) -> str:
    """A second row of the oldest solved ticket (of another customer than `late_customer`),
    loaded at `loaded_at` (after the first build), naming a customer that does not exist: on the
    full data it wins the key (latest load) and the ticket is quarantined as an orphan, with its
    events, so an incremental run must delete the ticket's per-ticket rows although it builds
    none for it."""
    tickets_path = parquet_dir / "tickets.parquet"
    tickets = pd.read_parquet(tickets_path)
    with duckdb.connect() as connection:
        ticket_id = connection.execute(f"""
            select tickets.ticket_id
            from read_parquet('{tickets_path}') as tickets
            inner join (
                select ticket_id, arg_max(lower(status), try_cast(event_at as timestamp)) as status
                from read_parquet('{parquet_dir / "ticket_events.parquet"}')
                where event_type = 'status_change'
                group by ticket_id
            ) as latest_status on tickets.ticket_id = latest_status.ticket_id
            where latest_status.status in ('solved', 'closed') and tickets.customer_id != '{late_customer}'
            order by try_cast(tickets.created_at as timestamp)
            limit 1
        """).fetchone()[0]
    moved = tickets[tickets["ticket_id"] == ticket_id].iloc[[0]].copy()
    moved["customer_id"] = "customer-not-in-the-data"
    moved["_loaded_at"] = loaded_at.strftime("%Y-%m-%d %H:%M:%S")
    pd.concat([tickets, moved], ignore_index=True).to_parquet(tickets_path, index=False)
    return ticket_id


def plant_resent_invitation(parquet_dir: Path, loaded_at: pd.Timestamp) -> str:
    """A second row of the first answered invitation, loaded at `loaded_at` (after the first
    build), sent a minute after its answer: on the full data it wins the key (latest load) and
    the answer is quarantined as timestamp_out_of_order, which an incremental run must find
    although no row of the answer changed."""
    invitations_path = parquet_dir / "survey_invitations.parquet"
    invitations = pd.read_parquet(invitations_path)
    responses = pd.read_parquet(parquet_dir / "survey_responses.parquet")
    answered = responses.dropna(subset=["invitation_id"]).sort_values("responded_at").iloc[0]
    resent = invitations[invitations["invitation_id"] == answered["invitation_id"]].iloc[[0]].copy()
    resent["sent_at"] = (pd.Timestamp(answered["responded_at"]) + pd.Timedelta(minutes=1)).strftime("%Y-%m-%d %H:%M:%S")
    resent["_loaded_at"] = loaded_at.strftime("%Y-%m-%d %H:%M:%S")
    pd.concat([invitations, resent], ignore_index=True).to_parquet(invitations_path, index=False)
    return answered["invitation_id"]


def plant_changed_customer(parquet_dir: Path, loaded_at: pd.Timestamp, late_customer: str) -> str:
    """A second row of the first customer by id (not `late_customer`) with a survey answer, loaded
    at `loaded_at` (after the first build), in another segment: on the full data it wins the key
    (latest load), which an incremental run must validate again although no ticket or answer of
    the customer changed."""
    customers_path = parquet_dir / "customers.parquet"
    customers = pd.read_parquet(customers_path)
    answered = set(pd.read_parquet(parquet_dir / "survey_responses.parquet")["customer_id"].dropna())
    candidates = customers[customers["customer_id"].isin(answered) & (customers["customer_id"] != late_customer)]
    changed = candidates.sort_values("customer_id").iloc[[0]].copy()
    changed["segment"] = "enterprise" if changed["segment"].iloc[0] != "enterprise" else "smb"
    changed["_loaded_at"] = loaded_at.strftime("%Y-%m-%d %H:%M:%S")
    pd.concat([customers, changed], ignore_index=True).to_parquet(customers_path, index=False)
    return changed["customer_id"].iloc[0]


def plant_moved_schedule(parquet_dir: Path, loaded_at: pd.Timestamp, leaving_ticket: str) -> str:
    """A second schedule row of the oldest ticket (not `leaving_ticket`), with the same valid_from
    and another schedule, loaded at `loaded_at` (after the first build): on the full data it wins
    the key (latest load) and the ticket's business times change, which an incremental run must
    find although the ticket has no new event."""
    schedules_path = parquet_dir / "ticket_schedules.parquet"
    schedules = pd.read_parquet(schedules_path)
    rows = schedules[schedules["ticket_id"] != leaving_ticket]
    moved = rows.loc[[pd.to_datetime(rows["valid_from"], errors="coerce").idxmin()]].copy()
    others = sorted(set(schedules["schedule_id"].dropna()) - set(moved["schedule_id"]))
    moved["schedule_id"] = others[0]
    moved["_loaded_at"] = loaded_at.strftime("%Y-%m-%d %H:%M:%S")
    pd.concat([schedules, moved], ignore_index=True).to_parquet(schedules_path, index=False)
    return moved["ticket_id"].iloc[0]


def batch_kinds(parquet_dir: Path, cut: str, late_from: str, planted: dict[str, str]) -> dict[str, int]:
    """How many rows of each kind the batch after the first build holds."""
    with duckdb.connect() as connection:
        for path in parquet_dir.glob("*.parquet"):
            connection.execute(f"create view all_{path.stem} as select * from read_parquet('{path}')")
            connection.execute(f"create view old_{path.stem} as "
                               + exposure_sql(path.stem, f"all_{path.stem}", cut, late_from))
        queries = {
            "new tickets": """
                select count(*) from all_tickets
                where ticket_id not in (select ticket_id from old_tickets where ticket_id is not null)""",
            "new events on old tickets": """
                select count(*) from all_ticket_events
                where event_id not in (select event_id from old_ticket_events where event_id is not null)
                    and ticket_id in (select ticket_id from old_tickets where ticket_id is not null)""",
            "late events (before the first build's latest)": f"""
                select count(*) from all_ticket_events
                where event_id not in (select event_id from old_ticket_events where event_id is not null)
                    and try_cast(event_at as timestamp) < timestamp '{cut}'""",
            "late survey answers on old tickets": """
                select count(*) from all_survey_responses
                where response_id not in (select response_id from old_survey_responses where response_id is not null)
                    and ticket_id in (select ticket_id from old_tickets where ticket_id is not null)""",
            "an old ticket's event_id re-used on a new ticket": """
                select count(*) from all_ticket_events
                where event_id in (select event_id from old_ticket_events where event_id is not null)
                    and ticket_id not in (select ticket_id from old_tickets where ticket_id is not null)""",
            "new replies in old social threads": """
                select count(*) from all_social_posts
                where post_id not in (select post_id from old_social_posts where post_id is not null)
                    and in_reply_to_post_id in (select post_id from old_social_posts where post_id is not null)""",
            "old solved tickets of a customer that arrives late": f"""
                select count(*) from old_tickets where customer_id = '{planted["late_customer"]}'""",
            "an old solved ticket whose new row names an unknown customer": f"""
                select count(*) - 1 from all_tickets where ticket_id = '{planted["leaving_ticket"]}'""",
            "an old answered invitation sent again after its answer": f"""
                select count(*) - 1 from all_survey_invitations
                where invitation_id = '{planted["resent_invitation"]}'""",
            "an old customer whose new row changes its segment": f"""
                select count(*) - 1 from all_customers where customer_id = '{planted["changed_customer"]}'""",
            "an old ticket whose new schedule row replaces its schedule": f"""
                select count(*) - 1 from all_ticket_schedules where ticket_id = '{planted["moved_schedule"]}'""",
        }
        return {kind: connection.execute(sql).fetchone()[0] for kind, sql in queries.items()}


def marts(database: Path) -> dict[str, pd.DataFrame]:
    with duckdb.connect(str(database), read_only=True) as connection:
        names = [row[0] for row in connection.execute(
            "select table_name from information_schema.tables where table_schema = 'main_marts' order by 1"
        ).fetchall()]
        return {name: connection.execute(f"select * from main_marts.{name}").df() for name in names}


@pytest.fixture(scope="module")
def incremental_and_full(tmp_path_factory) -> tuple[dict, dict, dict, dict]:
    work = tmp_path_factory.mktemp("incremental")
    parquet_dir = work / "raw"
    subprocess.run([sys.executable, "scripts/generate_data.py", "--tickets", str(TICKETS), "--seed", "11",
                    "--format", "parquet", "--out", str(parquet_dir)],
                   cwd=REPO_ROOT, check=True, stdout=subprocess.DEVNULL)
    created = pd.read_parquet(parquet_dir / "tickets.parquet", columns=["created_at"])["created_at"]
    cut = first_reply_after(parquet_dir, cut_for_share(created, NEW_SHARE))
    late_from = str(pd.Timestamp(cut) - pd.Timedelta(hours=24))
    plant_shared_event_id(parquet_dir, late_from)
    loaded_later = latest_load(parquet_dir) + pd.Timedelta(hours=1)
    planted = {"late_customer": plant_late_customer(parquet_dir, loaded_later)}
    planted["leaving_ticket"] = plant_ticket_leaving(parquet_dir, loaded_later, planted["late_customer"])
    planted["resent_invitation"] = plant_resent_invitation(parquet_dir, loaded_later)
    planted["changed_customer"] = plant_changed_customer(parquet_dir, loaded_later, planted["late_customer"])
    planted["moved_schedule"] = plant_moved_schedule(parquet_dir, loaded_later, planted["leaving_ticket"])

    incremental, full = work / "incremental.duckdb", work / "full.duckdb"
    expose(parquet_dir, incremental, cut, late_from, loaded_before=loaded_later)
    dbt_run(incremental, work / "first")
    expose(parquet_dir, incremental, None)
    dbt_run(incremental, work / "incremental")
    after_batch = marts(incremental)
    dbt_run(incremental, work / "nothing_new")
    expose(parquet_dir, full, None)
    dbt_run(full, work / "full", "--full-refresh")
    kinds = batch_kinds(parquet_dir, cut, late_from, planted)
    return kinds, after_batch, marts(full), marts(incremental)


def test_batch_holds_every_kind_of_change(incremental_and_full):
    kinds, _, _, _ = incremental_and_full
    assert all(count > 0 for count in kinds.values()), kinds


def mart_differences(left_label: str, left: dict, right_label: str, right: dict) -> list:
    """Every difference between two databases' marts (the same mart names in both)."""
    assert set(left) == set(right)
    differences = []
    for name in sorted(left):
        differences += compare_marts(name, left_label, left[name], right_label, right[name])
    return differences


def test_incremental_marts_equal_full_refresh(incremental_and_full):
    _, incremental, full, _ = incremental_and_full
    assert {"fct_tickets", "fct_survey_responses", "fct_social_conversations", "fct_feedback_sentiment"} <= set(full)
    differences = mart_differences("incremental", incremental, "full_refresh", full)
    assert not differences, "\n".join(map(str, differences))


def test_incremental_run_with_nothing_new_changes_no_mart(incremental_and_full):
    _, after_batch, _, after_rerun = incremental_and_full
    differences = mart_differences("after_batch", after_batch, "rerun", after_rerun)
    assert not differences, "\n".join(map(str, differences))


def test_time_cut_keeps_rows_before_the_cut_and_holds_late_ones_back():
    with duckdb.connect() as connection:
        connection.execute("create table t as select * from (values "
                           "('a', '2026-01-01 10:00:00'), ('b', '2026-01-02 10:00:00'), ('c', null)) v(id, created_at)")
        everything = connection.execute(exposure_sql("tickets", "t", None)).fetchall()
        before = connection.execute(exposure_sql("tickets", "t", "2026-01-02 00:00:00")).fetchall()
        late = connection.execute(exposure_sql("tickets", "t", "2026-01-02 00:00:00", "2026-01-01 00:00:00",
                                               late_one_in=1)).fetchall()
    assert len(everything) == 3
    assert sorted(row[0] for row in before) == ["a", "c"]
    assert sorted(row[0] for row in late) == ["c"]
    assert exposure_sql("customers", "c", "2026-01-02 00:00:00") == "select * from c"


def test_cut_for_share_leaves_that_share_after_it():
    stamps = pd.Series(pd.date_range("2026-01-01", periods=100, freq="h"))
    cut = pd.Timestamp(cut_for_share(stamps, 0.1))
    assert 9 <= (stamps >= cut).sum() <= 11


def test_changed_rows_keeps_new_and_changed_keys_only():
    con = duckdb.connect()
    rows = con.sql("""select * from (values ('a', 'c1', 'same text'), ('b', 'c2', 'edited text'),
        ('c', null, 'x'), ('d', 'c4', 'new')) as t(feedback_id, customer_id, text)""")
    stored = con.sql("""select * from (values ('a', 'c1', 0.5), ('b', 'c9', 0.1), ('c', null, 0.2))
        as t(feedback_id, customer_id, compound_score)""")
    # a: unchanged; b: relinked to another customer; c: unchanged (null = null); d: new
    changed = changed_rows(rows, stored).order("feedback_id").fetchall()
    assert changed == [("b", "c2", "edited text"), ("d", "c4", "new")]


def test_reuse_scores_scores_only_new_feedback():
    feedback = pd.DataFrame({"feedback_id": ["a", "b"], "customer_id": ["c1", "c2"], "text": ["great", "awful"]})
    scored = pd.DataFrame({"feedback_id": ["a"], "compound_score": [0.5], "sentiment_label": ["positive"],
                           "topics": [""], "topic_count": [0], "text_length": [5], "is_truncated": [False]})
    seen = []

    def score(frame: pd.DataFrame) -> pd.DataFrame:
        seen.extend(frame["feedback_id"])
        out = frame.drop(columns=["text"]).copy()
        out["compound_score"], out["sentiment_label"], out["topics"] = -0.5, "negative", ""
        out["topic_count"], out["text_length"], out["is_truncated"] = 0, 5, False
        return out

    result = reuse_scores(feedback, scored, score)
    assert seen == ["b"]
    assert list(result["feedback_id"]) == ["a", "b"]
    assert list(result["compound_score"]) == [0.5, -0.5]
    assert list(result["customer_id"]) == ["c1", "c2"]
