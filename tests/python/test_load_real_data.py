"""Tests of the real-data loader (cx_metrics/loaders/, scripts/load_real_data.py).

Real-data tests read the public files in ``<repo>/../shared/data`` and are skipped
when they are absent; the unit tests use small inline fixtures.
"""

from __future__ import annotations

import importlib.util
import io
import time
from pathlib import Path

import pandas as pd
import pytest

from cx_metrics import loaders

REPO_ROOT = Path(__file__).resolve().parents[2]

duckdb = pytest.importorskip("duckdb")

DATA_DIR = (REPO_ROOT / ".." / "shared" / "data").resolve()
TWCS = DATA_DIR / "twcs_sample.csv"
SERVICENOW = DATA_DIR / "incident_event_log.csv.gz"

LOADED_AT = pd.Timestamp("2024-01-01 00:00:00")


def _load_cli_module():
    spec = importlib.util.spec_from_file_location("load_real_data", REPO_ROOT / "scripts" / "load_real_data.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


# ---------------------------------------------------------------------------
# Real data
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real_db(tmp_path_factory):
    missing = [p.name for p in (TWCS, SERVICENOW) if not p.is_file()]
    if missing:
        pytest.skip(f"real data files absent from {DATA_DIR}: {', '.join(missing)}")
    out = tmp_path_factory.mktemp("real") / "nested" / "real.duckdb"
    cli = _load_cli_module()
    start = time.perf_counter()
    rc = cli.main(["--twcs", str(TWCS), "--servicenow", str(SERVICENOW), "--out", str(out)])
    elapsed = time.perf_counter() - start
    assert rc == 0
    assert elapsed < 60, f"loading both real files took {elapsed:.1f}s"
    con = duckdb.connect(str(out), read_only=True)
    yield con
    con.close()


def _one(con, sql: str):
    return con.execute(sql).fetchone()


def test_contract_tables_and_columns(real_db):
    rows = real_db.execute(
        "select table_name, column_name, data_type from information_schema.columns "
        "where table_schema = 'raw' order by table_name, ordinal_position"
    ).fetchall()
    got: dict[str, list[tuple[str, str]]] = {}
    for table, column, dtype in rows:
        got.setdefault(table, []).append((column, dtype))
    assert set(got) == set(loaders.CONTRACT)
    for table, columns in loaders.CONTRACT.items():
        assert [c for c, _ in got[table]] == [c for c, _ in columns], table
        assert [t for _, t in got[table]] == [t for _, t in columns], table
        assert columns[-1][0] == "_loaded_at"


def test_empty_tables_written(real_db):
    for table in ("survey_invitations", "survey_responses", "sla_policies", "business_hours", "holidays"):
        assert _one(real_db, f"select count(*) from raw.{table}")[0] == 0


def test_all_twcs_rows_loaded(real_db):
    n, distinct = _one(real_db, "select count(*), count(distinct post_id) from raw.social_posts")
    assert n == 5000
    assert distinct == 5000
    assert _one(real_db, "select count(*) from raw.social_posts where platform <> 'twitter'")[0] == 0


def test_tweet_3399_text_intact(real_db):
    (text,) = _one(real_db, "select text from raw.social_posts where post_id = '3399'")
    assert text == "@AskPayPal \r\rI just love the start of email \U0001f601 https://t.co/8u1Pf5rJoN"
    assert text.count("\r") == 2


def test_twcs_mapping(real_db):
    row = _one(
        real_db,
        "select brand, author_handle, author_is_brand, created_at, in_reply_to_post_id, author_followers "
        "from raw.social_posts where post_id = '1'",
    )
    assert row == ("sprintcare", "sprintcare", True, pd.Timestamp("2017-10-31 22:10:47").to_pydatetime(), "3", None)
    # customer post replying to a brand post
    assert _one(real_db, "select brand, author_is_brand from raw.social_posts where post_id = '2'") == (
        "sprintcare",
        False,
    )
    # root customer post (no parent)
    assert _one(real_db, "select in_reply_to_post_id, brand from raw.social_posts where post_id = '8'") == (
        None,
        "sprintcare",
    )
    # reply ids are integer strings, never floats
    assert _one(real_db, "select count(*) from raw.social_posts where in_reply_to_post_id like '%.%'")[0] == 0
    assert _one(real_db, "select count(*) from raw.social_posts where created_at is null")[0] == 0
    # brand posts: brand == author
    assert _one(real_db, "select count(*) from raw.social_posts "
                         "where author_is_brand and brand <> author_handle")[0] == 0


def test_twcs_identities_and_customers(real_db):
    n_authors = _one(real_db, "select count(distinct author_handle) from raw.social_posts where not author_is_brand")[0]
    identities = _one(real_db, "select count(*), count(distinct handle) from raw.customer_identities")
    assert identities == (n_authors, n_authors)
    assert (
        _one(
            real_db,
            "select count(*) from raw.customer_identities "
            "where platform <> 'twitter' or customer_id <> 'twitter:' || handle",
        )[0]
        == 0
    )
    assert (
        _one(
            real_db,
            "select count(*) from raw.customer_identities i "
            "left join raw.customers c using (customer_id) where c.customer_id is null",
        )[0]
        == 0
    )


def test_all_servicenow_events_loaded(real_db):
    assert _one(real_db, "select count(*), count(distinct event_id) from raw.ticket_events") == (141712, 141712)
    assert _one(real_db, "select count(*), count(distinct ticket_id) from raw.tickets") == (24918, 24918)
    assert _one(real_db, "select count(distinct ticket_id) from raw.ticket_events")[0] == 24918
    assert (
        _one(
            real_db,
            "select count(*) from raw.ticket_events "
            "where actor_type <> 'agent' or event_type <> 'status_change' or is_public or event_at is null",
        )[0]
        == 0
    )


def test_servicenow_status_mapping(real_db):
    counts = dict(real_db.execute("select status, count(*) from raw.ticket_events group by 1").fetchall())
    assert counts == {
        "open": 38716,
        "new": 36407,
        "solved": 25751,
        "closed": 24985,
        "pending": 14642,
        "hold": 707 + 461 + 38,
        "-100": 5,
    }
    # first row of the file: INC0000045, New
    first_event = "select ticket_id, event_at, status from raw.ticket_events where event_id = 'INC0000045-1'"
    assert _one(real_db, first_event) == (
        "INC0000045",
        pd.Timestamp("2016-02-29 01:23").to_pydatetime(),
        "new",
    )


def test_servicenow_ticket_mapping(real_db):
    prio = dict(real_db.execute("select priority, count(*) from raw.tickets group by 1").fetchall())
    assert set(prio) == {"urgent", "high", "normal", "low"}
    assert set(c for (c,) in real_db.execute("select distinct channel from raw.tickets").fetchall()) <= {
        "phone",
        "email",
        "web",
    }
    row = _one(
        real_db,
        "select customer_id, channel, priority, created_at, subject, group_name, via_social_post_id "
        "from raw.tickets where ticket_id = 'INC0000045'",
    )
    assert row == (
        "Caller 2403",
        "phone",
        "normal",
        pd.Timestamp("2016-02-29 01:16").to_pydatetime(),
        "Category 55",
        "Group 56",
        None,
    )
    # '?' became null, never the literal
    for col in ("customer_id", "assignee_id", "group_name", "subject"):
        assert _one(real_db, f"select count(*) from raw.tickets where {col} = '?'")[0] == 0
    # every non-null caller resolves to a customer
    assert (
        _one(
            real_db,
            "select count(*) from raw.tickets t left join raw.customers c using (customer_id) "
            "where t.customer_id is not null and c.customer_id is null",
        )[0]
        == 0
    )


def test_loaded_at_records_file_order(real_db):
    first, second = real_db.execute(
        "select _loaded_at from raw.ticket_events where event_id in ('INC0000045-1', 'INC0000045-2') order by event_id"
    ).fetchall()
    assert (second[0] - first[0]).total_seconds() == pytest.approx(1e-6)
    assert _one(real_db, "select count(distinct _loaded_at) from raw.social_posts")[0] == 5000


def test_cli_with_one_input_writes_all_tables(tmp_path, capsys):
    if not TWCS.is_file():
        pytest.skip(f"real data file absent: {TWCS}")
    out = tmp_path / "t.duckdb"
    cli = _load_cli_module()
    assert cli.main(["--twcs", str(TWCS), "--out", str(out)]) == 0
    assert cli.main(["--twcs", str(TWCS), "--out", str(out)]) == 0  # overwrite
    printed = capsys.readouterr().out
    assert "raw.social_posts: 5000 rows" in printed
    assert "raw.tickets: 0 rows" in printed
    con = duckdb.connect(str(out), read_only=True)
    try:
        assert con.execute("select count(*) from raw.social_posts").fetchone()[0] == 5000
        n_tables = con.execute(
            "select count(*) from information_schema.tables where table_schema = 'raw'"
        ).fetchone()[0]
        assert n_tables == 10
    finally:
        con.close()


# ---------------------------------------------------------------------------
# Unit tests on inline fixtures
# ---------------------------------------------------------------------------


def test_parse_servicenow_timestamp():
    got = loaders.parse_servicenow_timestamp(pd.Series(["29/2/2016 01:16", "1/3/2016 9:05", "?", None, ""]))
    assert got.iloc[0] == pd.Timestamp("2016-02-29 01:16")
    assert got.iloc[1] == pd.Timestamp("2016-03-01 09:05")
    assert got.iloc[2:].isna().all()
    assert got.dt.tz is None


def test_parse_servicenow_timestamp_rejects_garbage():
    with pytest.raises(ValueError):
        loaders.parse_servicenow_timestamp(pd.Series(["2016-02-29T01:16"]))


def test_parse_twitter_timestamp():
    got = loaders.parse_twitter_timestamp(
        pd.Series(["Tue Oct 31 22:10:47 +0000 2017", "Wed Nov 01 00:30:00 +0100 2017", "", "?"])
    )
    assert got.iloc[0] == pd.Timestamp("2017-10-31 22:10:47")
    assert got.iloc[1] == pd.Timestamp("2017-10-31 23:30:00")  # converted to UTC
    assert got.iloc[2:].isna().all()
    assert got.dt.tz is None


def test_float_id_to_str():
    got = loaders.float_id_to_str(pd.Series(["3.0", "12345678901234567890.0", "7", "", None, "?"]))
    assert got.tolist()[:3] == ["3", "12345678901234567890", "7"]
    assert got.iloc[3:].isna().all()
    with pytest.raises(ValueError):
        loaders.float_id_to_str(pd.Series(["3.5"]))


def test_map_with_fallback():
    states = pd.Series(["New", "Awaiting Vendor", "-100", "Weird State", "?"])
    got = loaders.map_with_fallback(states, loaders.SERVICENOW_STATUS_MAP)
    assert got.tolist()[:4] == ["new", "hold", "-100", "weird state"]
    assert got.iloc[4] is None


TWCS_FIXTURE = (
    b",tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n"
    # root customer post; brand replies via a customer follow-up (thread rule)
    b"0,10,cust_a,True,Tue Oct 31 10:00:00 +0000 2017,@AcmeHelp first,11,\n"
    b"1,11,cust_a,True,Tue Oct 31 10:01:00 +0000 2017,\"more\nlines\",12,10.0\n"
    b"2,12,AcmeHelp,False,Tue Oct 31 10:05:00 +0000 2017,@cust_a hi,13,11.0\n"
    # reply to brand post (parent rule), text has bare CRs outside quotes
    b"3,13,cust_a,True,Tue Oct 31 10:06:00 +0000 2017,@AcmeHelp \r\rthanks,,12.0\n"
    # orphan customer post with a brand reply (reply rule)
    b"4,20,cust_b,True,Tue Oct 31 11:00:00 +0000 2017,@OtherCo help,21,999.0\n"
    b"5,21,OtherCo,False,Tue Oct 31 11:05:00 +0000 2017,@cust_b sure,,20.0\n"
    # lone customer post: only a mention (case-insensitive) identifies the brand
    b"6,30,cust_c,True,Tue Oct 31 12:00:00 +0000 2017,@someone @otherco why,,\n"
    # lone customer post mentioning no brand
    b"7,40,cust_d,True,Tue Oct 31 13:00:00 +0000 2017,hello world,,\n"
)


def test_read_twcs_keeps_bare_carriage_returns():
    df = loaders.read_twcs(io.BytesIO(TWCS_FIXTURE))
    assert len(df) == 8
    assert df.loc[df.tweet_id == "13", "text"].item() == "@AcmeHelp \r\rthanks"
    assert df.loc[df.tweet_id == "11", "text"].item() == "more\nlines"


def test_attribute_brands_rules():
    df = loaders.read_twcs(io.BytesIO(TWCS_FIXTURE))
    got = loaders.attribute_brands(df).set_index(df.tweet_id)
    assert got.loc["12"].tolist() == ["AcmeHelp", "author"]
    assert got.loc["13"].tolist() == ["AcmeHelp", "parent"]
    assert got.loc["11"].tolist() == ["AcmeHelp", "reply"]
    assert got.loc["10"].tolist() == ["AcmeHelp", "thread"]
    assert got.loc["20"].tolist() == ["OtherCo", "reply"]
    assert got.loc["30"].tolist() == ["OtherCo", "mention"]
    assert got.loc["40"].isna().all()


def test_twcs_to_frames():
    frames = loaders.parse_twcs(io.BytesIO(TWCS_FIXTURE), LOADED_AT)
    posts = frames["social_posts"]
    assert list(posts.columns) == [c for c, _ in loaders.CONTRACT["social_posts"]]
    assert len(posts) == 8
    assert posts.loc[posts.post_id == "20", "in_reply_to_post_id"].item() == "999"  # orphan kept
    assert posts.loc[posts.post_id == "10", "in_reply_to_post_id"].item() is None
    assert posts["author_is_brand"].tolist() == [False, False, True, False, False, True, False, False]
    assert posts["_loaded_at"].iloc[3] == LOADED_AT + pd.Timedelta(microseconds=3)
    ids = frames["customer_identities"]
    assert ids["handle"].tolist() == ["cust_a", "cust_b", "cust_c", "cust_d"]
    assert ids["customer_id"].tolist() == ["twitter:cust_a", "twitter:cust_b", "twitter:cust_c", "twitter:cust_d"]
    assert ids["_loaded_at"].tolist() == [LOADED_AT + pd.Timedelta(microseconds=p) for p in (0, 4, 6, 7)]
    customers = frames["customers"]
    assert customers["customer_id"].tolist() == ids["customer_id"].tolist()
    assert list(customers.columns) == [c for c, _ in loaders.CONTRACT["customers"]]
    assert customers["segment"].isna().all()


SERVICENOW_FIXTURE = (
    "number,incident_state,active,reassignment_count,reopen_count,sys_mod_count,made_sla,caller_id,opened_by,"
    "opened_at,sys_created_by,sys_created_at,sys_updated_by,sys_updated_at,contact_type,location,category,"
    "subcategory,u_symptom,cmdb_ci,impact,urgency,priority,assignment_group,assigned_to,knowledge,"
    "u_priority_confirmation,notify,problem_id,rfc,vendor,caused_by,closed_code,resolved_by,resolved_at,closed_at\n"
    "INC1,New,true,0,0,0,true,Caller 1,Opened by 1,29/2/2016 01:16,?,?,Updated by 1,29/2/2016 01:23,Phone,L,"
    "Category 5,S,?,?,2 - Medium,2 - Medium,3 - Moderate,Group 1,?,true,false,"
    "Do Not Notify,?,?,?,?,?,?,?,5/3/2016 12:00\n"
    # rows out of sys_mod_count order: the sys_mod_count=3 row is the last one
    "INC1,Closed,false,0,0,3,true,Caller 1,Opened by 1,29/2/2016 01:16,?,?,Updated by 2,5/3/2016 12:00,Phone,L,"
    "Category 6,S,?,?,2 - Medium,2 - Medium,3 - Moderate,Group 2,Agent 7,true,false,"
    "Do Not Notify,?,?,?,?,?,?,?,5/3/2016 12:00\n"
    "INC1,Resolved,true,0,0,2,true,Caller 1,Opened by 1,29/2/2016 01:16,?,?,Updated by 3,1/3/2016 9:05,Phone,L,"
    "Category 5,S,?,?,2 - Medium,2 - Medium,3 - Moderate,Group 1,Agent 3,true,false,"
    "Do Not Notify,?,?,?,?,?,?,1/3/2016 9:05,5/3/2016 12:00\n"
    "INC2,-100,true,0,0,1,true,?,Opened by 1,1/3/2016 10:00,?,?,Updated by 3,1/3/2016 10:30,Self service,L,"
    "?,S,?,?,1 - High,1 - High,1 - Critical,?,?,true,false,Do Not Notify,?,?,?,?,?,?,?,?\n"
    "INC2,Awaiting User Info,true,0,0,1,true,?,Opened by 1,1/3/2016 10:00,?,?,Updated by 3,1/3/2016 10:30,Email,L,"
    "?,S,?,?,1 - High,1 - High,4 - Low,?,?,true,false,Do Not Notify,?,?,?,?,?,?,?,?\n"
)


def test_servicenow_to_frames():
    frames = loaders.parse_servicenow(io.StringIO(SERVICENOW_FIXTURE), LOADED_AT)
    events = frames["ticket_events"]
    assert list(events.columns) == [c for c, _ in loaders.CONTRACT["ticket_events"]]
    assert events["event_id"].tolist() == ["INC1-1", "INC1-2", "INC1-3", "INC2-1", "INC2-2"]
    assert events["status"].tolist() == ["new", "closed", "solved", "-100", "pending"]
    assert events["event_at"].iloc[2] == pd.Timestamp("2016-03-01 09:05")
    assert events["_loaded_at"].tolist() == [LOADED_AT + pd.Timedelta(microseconds=p) for p in range(5)]
    assert not events["is_public"].any()

    tickets = frames["tickets"].set_index("ticket_id")
    assert list(frames["tickets"].columns) == [c for c, _ in loaders.CONTRACT["tickets"]]
    # INC1: last row by sys_mod_count is file row 1 (Closed)
    assert tickets.loc["INC1", "subject"] == "Category 6"
    assert tickets.loc["INC1", "assignee_id"] == "Agent 7"
    assert tickets.loc["INC1", "group_name"] == "Group 2"
    assert tickets.loc["INC1", "channel"] == "phone"
    assert tickets.loc["INC1", "priority"] == "normal"
    assert tickets.loc["INC1", "created_at"] == pd.Timestamp("2016-02-29 01:16")
    assert tickets.loc["INC1", "_loaded_at"] == LOADED_AT + pd.Timedelta(microseconds=1)
    # INC2: tie on sys_mod_count -> later file row wins; '?' -> null
    assert tickets.loc["INC2", "channel"] == "email"
    assert tickets.loc["INC2", "priority"] == "low"
    assert tickets.loc["INC2", "customer_id"] is None
    assert tickets.loc["INC2", "subject"] is None
    assert tickets.loc["INC2", "assignee_id"] is None

    customers = frames["customers"]
    assert customers["customer_id"].tolist() == ["Caller 1"]


def test_channel_and_priority_maps():
    ch = loaders.map_with_fallback(
        pd.Series(["Phone", "IVR", "Email", "Self service", "Direct opening", "Chat"]), loaders.SERVICENOW_CHANNEL_MAP
    )
    assert ch.tolist() == ["phone", "phone", "email", "web", "web", "chat"]
    pr = loaders.map_with_fallback(
        pd.Series(["1 - Critical", "2 - High", "3 - Moderate", "4 - Low"]), loaders.SERVICENOW_PRIORITY_MAP
    )
    assert pr.tolist() == ["urgent", "high", "normal", "low"]


def test_write_duckdb_empty_frames(tmp_path):
    out = tmp_path / "a" / "b" / "e.duckdb"
    counts = loaders.write_duckdb(loaders.merge_frames(), out)
    assert counts == {t: 0 for t in loaders.CONTRACT}
    con = duckdb.connect(str(out), read_only=True)
    try:
        types = con.execute(
            "select data_type from information_schema.columns "
            "where table_schema = 'raw' and table_name = 'holidays' order by ordinal_position"
        ).fetchall()
        assert [t for (t,) in types] == ["DATE", "VARCHAR", "TIMESTAMP"]
    finally:
        con.close()
