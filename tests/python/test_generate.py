"""Tests for the demo data generator (cx_metrics.generate / scripts/generate_data.py).

Planted effects are measured from the generated *tables* (not from generator internals), the
same way a metric model would, on ~20k customers (34,000 tickets).
"""

from __future__ import annotations

import filecmp
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from cx_metrics import generate as gen

REPO_ROOT = Path(__file__).resolve().parents[2]

KEYS = {"customers": "customer_id", "tickets": "ticket_id", "ticket_events": "event_id",
        "survey_invitations": "invitation_id", "survey_responses": "response_id",
        "social_posts": "post_id"}
TS_RE = r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$"
RULES = {"null_key", "duplicate_key", "unparseable_value", "unknown_enum", "orphan_reference",
         "timestamp_out_of_order", "out_of_range", "self_reference"}


def frames(data: gen.GeneratedData) -> dict[str, pd.DataFrame]:
    return {name: t.to_pandas() for name, t in data.tables.items()}


def read_csv_dir(path: Path) -> dict[str, pd.DataFrame]:
    return {name: pd.read_csv(path / f"{name}.csv", dtype=str, keep_default_na=False,
                              na_values=[""]) for name in gen.TABLE_COLUMNS}


def clean(dfs: dict[str, pd.DataFrame], meta: dict) -> dict[str, pd.DataFrame]:
    """Drop planted bad rows; for the duplicated ticket keep the latest _loaded_at copy."""
    out = {}
    for name, df in dfs.items():
        bad = [b for b in meta["planted_bad_rows"] if b["table"] == name]
        if name in KEYS and bad:
            key = KEYS[name]
            drop = {b["key"] for b in bad if b["rule"] not in ("duplicate_key", "null_key")}
            df = df[~df[key].isin(drop) & df[key].notna()]
            df = df.sort_values("_loaded_at", kind="stable").drop_duplicates(key, keep="last")
        out[name] = df.reset_index(drop=True)
    return out


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> tuple[dict[str, pd.DataFrame], dict, Path]:
    out = tmp_path_factory.mktemp("demo")
    data = gen.run(seed=42, tickets=2000, out=out, fmt="csv")
    return read_csv_dir(out), data.metadata, out


@pytest.fixture(scope="module")
def big() -> tuple[dict[str, pd.DataFrame], dict]:
    data = gen.generate(gen.GeneratorParams(seed=7, n_tickets=34000))
    return clean(frames(data), data.metadata), data.metadata


# ---------------------------------------------------------------- determinism / contract


def test_same_seed_same_bytes_different_seed_differs(tmp_path):
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    gen.run(seed=5, tickets=400, out=a)
    gen.run(seed=5, tickets=400, out=b)
    gen.run(seed=6, tickets=400, out=c)
    names = sorted(p.name for p in a.iterdir())
    assert names == sorted(p.name for p in b.iterdir())
    _, mismatch, errors = filecmp.cmpfiles(a, b, names, shallow=False)
    assert not mismatch and not errors
    for name in ("tickets.csv", "ticket_events.csv", "customers.csv", "social_posts.csv"):
        assert (a / name).read_bytes() != (c / name).read_bytes()


def test_columns_exactly_contract(demo):
    dfs, meta, out = demo
    for name, cols in gen.TABLE_COLUMNS.items():
        header = (out / f"{name}.csv").read_text().splitlines()[0]
        assert header == ",".join(cols), name
        assert list(dfs[name].columns) == list(cols)
        assert cols[-1] == "_loaded_at"
        assert meta["row_counts"][name] == len(dfs[name])


def test_params_file(demo):
    _, meta, out = demo
    files = sorted(p.name for p in out.iterdir())
    assert "generator_params.json" in files
    assert sorted(f for f in files if f.endswith(".csv")) == sorted(f"{t}.csv" for t in gen.TABLE_COLUMNS)
    on_disk = json.loads((out / "generator_params.json").read_text())
    assert on_disk == json.loads(json.dumps(meta))
    assert on_disk["seed"] == 42 and on_disk["params"]["n_tickets"] == 2000
    assert set(on_disk["params"]) == set(gen.GeneratorParams.__dataclass_fields__)
    assert on_disk["params"]["sla_breach_churn_odds_ratio"] == 2.0
    assert on_disk["params"]["promoter_share_after_answered_social"] == 0.71
    assert on_disk["params"]["promoter_share_after_unanswered_social"] == 0.19
    assert {e["name"] for e in on_disk["planted_effects"]} >= {"sla_breach_churn",
                                                              "unanswered_social_nps"}


def test_static_tables(demo):
    dfs, _, _ = demo
    sla = dfs["sla_policies"]
    assert len(sla) == 20 and not sla.duplicated(["priority", "channel"]).any()
    first = sla.set_index(["priority", "channel"])["first_reply_target_minutes"].astype(int)
    assert (first.xs("urgent") < first.xs("normal")).all()
    assert first[("normal", "phone")] < first[("normal", "email")]
    assert set(sla.loc[sla.priority == "urgent", "in_business_hours"]) == {"false"}
    assert set(sla.loc[sla.priority != "urgent", "in_business_hours"]) == {"true"}
    bh = dfs["business_hours"]
    bh = bh[bh.schedule_id == "default"]
    assert list(bh.day_of_week) == ["1", "2", "3", "4", "5"]
    assert set(bh.start_time) == {"09:00:00"} and set(bh.end_time) == {"17:00:00"}
    hol = dfs["holidays"]
    assert "2025-12-25" in set(hol.holiday_date) and "2026-07-03" in set(hol.holiday_date)
    assert hol.start_date.between("2025-11-01", "2026-10-31").all()


# ---------------------------------------------------------------- planted bad rows


def test_planted_bad_rows_present(demo):
    dfs, meta, _ = demo
    bad = meta["planted_bad_rows"]
    assert {b["rule"] for b in bad} == RULES
    for b in bad:
        assert set(b) >= {"table", "key", "rule", "column"}
    tk, ev = dfs["tickets"], dfs["ticket_events"]
    by = {(b["table"], b["rule"]): b for b in bad}
    assert tk.ticket_id.isna().sum() == 1
    dup = by[("tickets", "duplicate_key")]["key"]
    copies = tk[tk.ticket_id == dup]
    assert len(copies) == 2 and copies.subject.nunique() == 2
    assert copies._loaded_at.iloc[1] > copies._loaded_at.iloc[0]
    assert (ev.ticket_id == dup).sum() >= 3
    assert tk.loc[tk.ticket_id == by[("tickets", "unparseable_value")]["key"], "created_at"].item() == "not-a-date"
    assert tk.loc[tk.ticket_id == by[("tickets", "unknown_enum")]["key"], "channel"].item() == "pigeon"
    orphan = tk.loc[tk.ticket_id == by[("tickets", "orphan_reference")]["key"], "customer_id"].item()
    assert orphan not in set(dfs["customers"].customer_id)
    for rule in ("unparseable_value", "unknown_enum", "orphan_reference"):
        assert not (ev.ticket_id == by[("tickets", rule)]["key"]).any()
    early = ev[ev.event_id == by[("ticket_events", "timestamp_out_of_order")]["key"]].iloc[0]
    created = tk.loc[tk.ticket_id == early.ticket_id, "created_at"].iloc[0]
    assert pd.Timestamp(created) - pd.Timestamp(early.event_at) == pd.Timedelta(hours=2)
    assert ev.loc[ev.event_id == by[("ticket_events", "unknown_enum")]["key"], "event_type"].item() == "tweet"
    sr = dfs["survey_responses"].set_index("response_id")
    r11 = sr.loc[by[("survey_responses", "out_of_range")]["key"]]
    assert (r11.survey_type, r11.score) == ("nps", "11")
    r5 = sr.loc[by[("survey_responses", "unparseable_value")]["key"]]
    assert (r5.survey_type, r5.score) == ("csat", "five")
    cu = dfs["customers"].set_index("customer_id").loc[by[("customers", "timestamp_out_of_order")]["key"]]
    assert cu.churned_at < cu.signup_at
    assert cu.name not in set(tk.customer_id)
    post = dfs["social_posts"].set_index("post_id").loc[by[("social_posts", "self_reference")]["key"]]
    assert post.in_reply_to_post_id == post.name


# ---------------------------------------------------------------- clean rows are clean


def test_clean_rows_are_clean(demo):
    dfs, meta, _ = demo
    d = clean(dfs, meta)
    end = meta["data_window"]["end_exclusive"]
    enums = {("customers", "segment"): gen.SEGMENTS, ("customers", "region"): gen.REGIONS,
             ("tickets", "channel"): gen.CHANNELS, ("tickets", "priority"): gen.PRIORITIES,
             ("tickets", "group_name"): gen.GROUPS, ("ticket_events", "actor_type"): gen.ACTORS,
             ("ticket_events", "event_type"): gen.EVENT_TYPES,
             ("survey_invitations", "survey_type"): gen.SURVEY_TYPES,
             ("survey_invitations", "channel"): gen.SURVEY_CHANNELS,
             ("survey_responses", "survey_type"): gen.SURVEY_TYPES,
             ("social_posts", "platform"): gen.PLATFORMS,
             ("customer_identities", "platform"): gen.PLATFORMS}
    for (t, col), allowed in enums.items():
        assert set(d[t][col]) <= set(allowed), (t, col)
    for t, key in KEYS.items():
        assert d[t][key].notna().all() and d[t][key].is_unique, t
    assert not d["customer_identities"].duplicated(["platform", "handle"]).any()
    # id formats and timestamp formats
    assert d["customers"].customer_id.str.fullmatch(r"C\d{6}").all()
    assert d["tickets"].ticket_id.str.fullmatch(r"T\d{7}").all()
    assert d["ticket_events"].event_id.str.fullmatch(r"E\d{8}").all()
    assert d["tickets"].assignee_id.dropna().str.fullmatch(r"A\d{3}").all()
    for t, df in d.items():
        for col in df.columns:
            if col.endswith("_at"):
                assert df[col].dropna().str.fullmatch(TS_RE).all(), (t, col)
    for t, df in dfs.items():  # raw files are in load order, bad rows included
        assert df._loaded_at.is_monotonic_increasing, t
    for col in ("is_incentivized",):
        assert set(d["customers"][col]) == {"true", "false"}
    # foreign keys
    cust = set(d["customers"].customer_id)
    tick = set(d["tickets"].ticket_id)
    posts = set(d["social_posts"].post_id)
    assert set(d["tickets"].customer_id) <= cust
    assert set(d["ticket_events"].ticket_id) <= tick
    assert set(d["customer_identities"].customer_id) <= cust
    assert set(d["survey_invitations"].customer_id) <= cust
    assert set(d["survey_invitations"].ticket_id.dropna()) <= tick
    assert set(d["survey_responses"].customer_id) <= cust
    assert set(d["survey_responses"].ticket_id.dropna()) <= tick
    assert set(d["survey_responses"].invitation_id.dropna()) <= set(d["survey_invitations"].invitation_id)
    assert set(d["social_posts"].in_reply_to_post_id.dropna()) <= posts
    assert set(d["tickets"].via_social_post_id.dropna()) <= posts
    # timestamps in order
    ev = d["ticket_events"].merge(d["tickets"][["ticket_id", "created_at"]], on="ticket_id")
    assert (ev.event_at >= ev.created_at).all()
    c = d["customers"]
    assert (c.churned_at.dropna() >= c.signup_at[c.churned_at.notna()]).all()
    r = d["survey_responses"].merge(d["survey_invitations"][["invitation_id", "sent_at"]],
                                    on="invitation_id", how="left")
    assert (r.responded_at[r.sent_at.notna()] >= r.sent_at.dropna()).all()
    assert (r.followed_up_at.dropna() >= r.responded_at[r.followed_up_at.notna()]).all()
    for t, col in (("tickets", "created_at"), ("ticket_events", "event_at"),
                   ("social_posts", "created_at"), ("survey_responses", "responded_at"),
                   ("survey_responses", "followed_up_at"), ("customers", "churned_at")):
        assert (d[t][col].dropna() < end).all(), (t, col)
        assert (d[t]._loaded_at >= d[t][col].fillna("")).all(), (t, col)
    p = d["social_posts"].merge(d["social_posts"][["post_id", "created_at"]],
                                left_on="in_reply_to_post_id", right_on="post_id",
                                suffixes=("", "_parent"))
    assert (p.created_at > p.created_at_parent).all()
    # scores in range
    s = d["survey_responses"].assign(score=lambda x: x.score.astype(int))
    rng = {"nps": (0, 10), "csat": (1, 5), "ces": (1, 7)}
    for st, (lo, hi) in rng.items():
        assert s.loc[s.survey_type == st, "score"].between(lo, hi).all()
    # statuses only on status changes
    e = d["ticket_events"]
    assert e.loc[e.event_type == "comment", "status"].isna().all()
    assert set(e.loc[e.event_type == "status_change", "status"]) <= set(gen.STATUSES)
    assert (e.loc[e.event_type == "status_change", "is_public"] == "false").all()
    assert (e.loc[e.actor_type == "customer", "is_public"] == "true").all()
    # social tickets point at a post by a handle of the same customer
    st = d["tickets"].dropna(subset=["via_social_post_id"])
    assert (d["tickets"].channel == "social").sum() == len(st) > 0
    st = st.merge(d["social_posts"], left_on="via_social_post_id", right_on="post_id",
                  suffixes=("", "_post"))
    st = st.merge(d["customer_identities"], left_on=["platform", "author_handle"],
                  right_on=["platform", "handle"], suffixes=("", "_ident"))
    assert (st.customer_id == st.customer_id_ident).all() and len(st) > 0


def test_demo_shape(demo):
    dfs, meta, out = demo
    d = clean(dfs, meta)
    total = sum((out / f"{t}.csv").stat().st_size for t in gen.TABLE_COLUMNS)
    assert total < 5_000_000
    n_t = len(d["tickets"])
    assert 0.55 < len(d["customers"]) / n_t < 0.65
    assert 0.30 < len(d["customer_identities"]) / len(d["customers"]) < 0.50
    assert 0.01 < (d["customers"].is_incentivized == "true").mean() < 0.06
    rev = d["customers"].assign(r=lambda x: x.annual_revenue.astype(float)).groupby("segment").r.median()
    assert rev["enterprise"] > 20 * rev["smb"]
    assert d["customers"].annual_revenue.str.fullmatch(r"\d+\.\d{2}").all()
    mix = d["tickets"].channel.value_counts(normalize=True)
    assert abs(mix["email"] - 0.40) < 0.05 and abs(mix["social"] - 0.10) < 0.03
    # business hours concentration (America/New_York weekdays 9-17)
    local = pd.to_datetime(d["tickets"].created_at).dt.tz_localize("UTC").dt.tz_convert(
        "America/New_York")
    in_bh = (local.dt.day_of_week < 5) & local.dt.hour.between(9, 16)
    assert in_bh.mean() > 0.6


def test_ticket_and_social_dynamics(big):
    d, meta = big
    e = d["ticket_events"]
    n_t = len(d["tickets"])
    comments = e[e.event_type == "comment"]
    first = comments.groupby("ticket_id").actor_type.first()
    assert 0.03 < (first == "agent").mean() < 0.07
    replied = set(comments.loc[(comments.actor_type == "agent") & (comments.is_public == "true"),
                               "ticket_id"])
    assert 0.05 < 1 - len(replied) / n_t < 0.10
    assert ((e.actor_type == "agent") & (e.event_type == "comment") & (e.is_public == "false")).any()
    sc = e[e.event_type == "status_change"]
    solved = sc[sc.status == "solved"].groupby("ticket_id").size()
    assert 0.05 < (solved > 1).mean() < 0.12  # reopened then solved again
    last = sc.groupby("ticket_id").status.last()
    assert set(sc.status) == set(gen.STATUSES)
    assert ((last == "new") | (last == "open")).mean() > 0.05  # never answered / still open
    # social conversations
    sp = d["social_posts"]
    parent = sp.set_index("post_id").in_reply_to_post_id
    root = sp.post_id.where(sp.in_reply_to_post_id.isna())
    cur = sp.in_reply_to_post_id
    depth = pd.Series(0, index=sp.index)
    for _ in range(8):
        m = root.isna() & cur.notna()
        root = root.where(~m, cur.where(cur.map(parent).isna()))
        depth += m
        cur = cur.map(parent)
    assert root.notna().all() and depth.max() <= 6
    sp = sp.assign(root=root)
    answered = sp.groupby("root").author_is_brand.apply(lambda s: (s == "true").any())
    assert 0.22 < 1 - answered.mean() < 0.38
    first_brand = sp[sp.author_is_brand == "true"].groupby("root").created_at.min()
    roots = sp[sp.in_reply_to_post_id.isna()].set_index("post_id").created_at
    delay_h = (pd.to_datetime(first_brand) - pd.to_datetime(roots[first_brand.index])).dt.total_seconds() / 3600
    assert 0.8 < delay_h.median() < 3.0 and delay_h.quantile(0.99) > 24
    before = sp.merge(first_brand.rename("fb"), left_on="root", right_index=True)
    two = before[(before.author_is_brand == "false") & (before.created_at < before.fb)].groupby("root").size()
    assert (two >= 2).mean() > 0.1
    cust_posts = sp[sp.author_is_brand == "false"]
    linked = cust_posts.merge(d["customer_identities"], left_on=["platform", "author_handle"],
                              right_on=["platform", "handle"], how="left").customer_id.notna()
    assert 0.75 < linked.mean() < 0.95
    f = sp.author_followers.dropna().astype(int)
    assert (f[sp.author_is_brand == "false"] > 10000).sum() >= 3
    # surveys
    inv, resp = d["survey_invitations"], d["survey_responses"]
    invited = resp.invitation_id.notna()
    assert 0.25 < invited.sum() / len(inv) < 0.35
    assert 0.07 < (~invited).mean() < 0.13
    assert 0.35 < resp.comment.notna().mean() < 0.45
    assert resp.loc[resp.ticket_id.isna(), "survey_type"].eq("nps").all()


# ---------------------------------------------------------------- planted effects


def ticket_breach(d: dict[str, pd.DataFrame], meta: dict) -> pd.DataFrame:
    """Per eligible ticket: breached flag, measured exactly as documented in the params."""
    e, t = d["ticket_events"], d["tickets"]
    comments = e[e.event_type == "comment"].sort_values(["event_at", "event_id"])
    first_actor = comments.groupby("ticket_id").actor_type.first().rename("first_actor")
    fr = comments[(comments.actor_type == "agent") & (comments.is_public == "true")] \
        .groupby("ticket_id").event_at.min().rename("first_reply_at")
    sla = d["sla_policies"][["priority", "channel", "first_reply_target_minutes"]]
    t = t.merge(sla, on=["priority", "channel"]).join(first_actor, on="ticket_id") \
        .join(fr, on="ticket_id")
    t = t[t.first_actor == "customer"].copy()
    created = pd.to_datetime(t.created_at)
    target = t.first_reply_target_minutes.astype(int)
    minutes = (pd.to_datetime(t.first_reply_at) - created).dt.total_seconds() / 60
    end = pd.Timestamp(meta["data_window"]["end_exclusive"])
    t["breached"] = np.where(t.first_reply_at.notna(), minutes > target,
                             created + pd.to_timedelta(target, unit="m") < end)
    return t


def test_sla_breach_doubles_churn_odds(big):
    d, meta = big
    tb = ticket_breach(d, meta)
    cust = tb.groupby("customer_id").breached.any()
    churned = d["customers"].set_index("customer_id").churned_at.notna()[cust.index]
    assert 15000 < len(d["customers"]) < 25000
    assert 0.25 < cust.mean() < 0.35  # sizeable breach share
    a = int((cust & churned).sum())
    b = int((cust & ~churned).sum())
    c = int((~cust & churned).sum())
    dd = int((~cust & ~churned).sum())
    assert [[a, b], [c, dd]] == meta["realised_effects"]["churn_2x2_breached_x_churned"]
    odds_ratio = a * dd / (b * c)
    # planted 2.0; churn is a stratified draw so only the small segment/social terms move it
    assert 1.8 < odds_ratio < 2.25, odds_ratio


def test_unanswered_social_cuts_promoters(big):
    d, meta = big
    sp = d["social_posts"]
    roots = sp[sp.in_reply_to_post_id.isna() & (sp.author_is_brand == "false")]
    parent = sp.set_index("post_id").in_reply_to_post_id
    root = sp.post_id.where(sp.in_reply_to_post_id.isna())
    cur = sp.in_reply_to_post_id
    for _ in range(8):
        m = root.isna() & cur.notna()
        root = root.where(~m, cur.where(cur.map(parent).isna()))
        cur = cur.map(parent)
    answered = sp.assign(root=root).groupby("root").author_is_brand.apply(
        lambda s: (s == "true").any()).rename("answered")
    conv = roots.merge(d["customer_identities"], left_on=["platform", "author_handle"],
                       right_on=["platform", "handle"]).join(answered, on="post_id")
    conv = conv.assign(ts=pd.to_datetime(conv.created_at))[["customer_id", "ts", "answered"]]
    nps = d["survey_responses"].query("survey_type == 'nps'").copy()
    nps["ts"] = pd.to_datetime(nps.responded_at)
    nps["promoter"] = nps.score.astype(int) >= 9
    m = pd.merge_asof(nps.sort_values("ts"), conv.sort_values("ts"), on="ts", by="customer_id",
                      allow_exact_matches=False, direction="backward")
    share = m.groupby(m.answered.map({True: "answered", False: "unanswered"}).fillna("none")) \
        .promoter.agg(["mean", "size"])
    real = meta["realised_effects"]["nps_promoter_share_by_latest_social_conversation"]
    assert share.loc["answered", "size"] == real["after_answered_social"]["responses"]
    assert share.loc["unanswered", "size"] == real["after_unanswered_social"]["responses"]
    assert abs(share.loc["answered", "mean"] - 0.71) < 0.02, share
    assert abs(share.loc["unanswered", "mean"] - 0.19) < 0.02, share
    assert abs(share.loc["none", "mean"] - 0.45) < 0.02, share


def test_sla_met_raises_csat(big):
    d, meta = big
    tb = ticket_breach(d, meta).set_index("ticket_id").breached
    cs = d["survey_responses"].query("survey_type == 'csat'")
    br = cs.ticket_id.map(tb).fillna(False).astype(bool)  # agent-created count as met
    good = cs.score.astype(int) >= 4
    assert abs(good[~br].mean() - 0.85) < 0.02
    assert abs(good[br].mean() - 0.62) < 0.03


def test_demo_recovers_planted_effects_roughly(demo):
    """Even the 2,000-ticket demo shows the planted effects (stratified outcome draws)."""
    dfs, meta, _ = demo
    d = clean(dfs, meta)
    cust = ticket_breach(d, meta).groupby("customer_id").breached.any()
    churned = d["customers"].set_index("customer_id").churned_at.notna()[cust.index]
    odds_ratio = ((cust & churned).sum() * (~cust & ~churned).sum()
                  / ((cust & ~churned).sum() * (~cust & churned).sum()))
    assert 1.5 < odds_ratio < 2.7, odds_ratio
    real = meta["realised_effects"]["nps_promoter_share_by_latest_social_conversation"]
    assert abs(real["after_answered_social"]["promoter_share"] - 0.71) < 0.03
    assert abs(real["after_unanswered_social"]["promoter_share"] - 0.19) < 0.05


# ---------------------------------------------------------------- CLI and committed seeds


def test_cli_parquet(tmp_path):
    out = tmp_path / "pq"
    res = subprocess.run([sys.executable, str(REPO_ROOT / "scripts" / "generate_data.py"),
                          "--seed", "3", "--tickets", "300", "--format", "parquet",
                          "--out", str(out)], capture_output=True, text=True, cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    import pyarrow.parquet as pq
    meta = json.loads((out / "generator_params.json").read_text())
    for name, cols in gen.TABLE_COLUMNS.items():
        t = pq.read_table(out / f"{name}.parquet")
        assert t.column_names == list(cols)
        assert t.num_rows == meta["row_counts"][name]
    assert meta["seed"] == 3 and meta["params"]["n_tickets"] == 300


def test_committed_seeds_match_generator(demo):
    seeds = REPO_ROOT / "seeds"
    if not (seeds / "generator_params.json").exists():
        pytest.skip("seeds/ not generated yet")
    _, _, out = demo
    names = [f"{t}.csv" for t in gen.TABLE_COLUMNS] + ["generator_params.json"]
    _, mismatch, errors = filecmp.cmpfiles(seeds, out, names, shallow=False)
    assert not mismatch and not errors, "run: python scripts/generate_data.py"


# ---------------------------------------------------------------- contract v2


#: sha256 (first 16 hex digits) of the CSVs the generator wrote before contract v2 (seed 5, 400
#: tickets); contract_version=1 must still write exactly these bytes, which also shows that v2
#: leaves every v1 row and column as it was (v1 = v2 without the v2 tables, columns and rows)
PRE_V2_DIGESTS = {
    "business_hours": "a3ec9ca65f788b30", "customer_identities": "f8bf8d2a6077a533",
    "customers": "fb89db3dff7681ce", "holidays": "97bbd1ccd1bec725", "sla_policies": "8bd99a09ca7b3fc1",
    "social_posts": "ee497275b08b88f8", "survey_invitations": "c6f5e0e2cef2bf56",
    "survey_responses": "9c6a577779f0aef3", "ticket_events": "6674beaa27e5e389",
    "tickets": "8cf35359d3096c58",
}


def test_v1_shape_is_byte_identical_to_the_pre_v2_generator(tmp_path):
    import hashlib

    from cx_metrics.generate.contract import V1_TABLE_COLUMNS
    data = gen.run(seed=5, tickets=400, out=tmp_path, contract_version=1)
    assert list(data.tables) == list(V1_TABLE_COLUMNS)
    assert sorted(p.stem for p in tmp_path.glob("*.csv")) == sorted(PRE_V2_DIGESTS)
    digests = {p.stem: hashlib.sha256(p.read_bytes()).hexdigest()[:16] for p in tmp_path.glob("*.csv")}
    assert digests == PRE_V2_DIGESTS
    with pytest.raises(ValueError, match="contract_version"):
        gen.generate(gen.GeneratorParams(seed=5, n_tickets=400, contract_version=3))


def test_v2_keeps_every_v1_row_and_column(demo):
    """The v2 tables hold the v1 ones: dropping the v2 columns and rows gives the v1 tables."""
    from cx_metrics.generate.contract import V1_TABLE_COLUMNS
    dfs, _, _ = demo
    v1 = frames(gen.generate(gen.GeneratorParams(seed=42, n_tickets=2000, contract_version=1)))
    new_rows = {"ticket_events": lambda df: df.event_type == "assignment",
                "business_hours": lambda df: df.schedule_id != "default",
                "holidays": lambda df: df.holiday_date.isna()}
    for name, columns in V1_TABLE_COLUMNS.items():
        df = dfs[name]
        if name in new_rows:
            df = df[~new_rows[name](df)]
        pd.testing.assert_frame_equal(df[list(columns)].reset_index(drop=True), v1[name].reset_index(drop=True),
                                      check_dtype=False)
    events = dfs["ticket_events"]
    ids = events.event_id.str[1:].astype(int)
    assert ids[events.event_type == "assignment"].min() > ids[events.event_type != "assignment"].max()


def test_schedules_and_business_hours(demo):
    dfs, _, _ = demo
    sc, bh = dfs["schedules"], dfs["business_hours"]
    assert sc.schedule_id.is_unique and len(sc) >= 3 and sc.timezone.nunique() >= 2
    assert "default" in set(sc.schedule_id)  # = var cx_default_schedule_id
    assert set(bh.schedule_id) == set(sc.schedule_id)
    assert not bh.duplicated(["schedule_id", "day_of_week", "start_time"]).any()
    assert (bh.timezone == bh.schedule_id.map(sc.set_index("schedule_id").timezone)).all()
    assert (bh.end_time > bh.start_time).all()
    around_the_clock = bh[bh.schedule_id == "premium_24x7"]
    assert list(around_the_clock.day_of_week) == [str(day) for day in range(1, 8)]
    assert set(zip(around_the_clock.start_time, around_the_clock.end_time, strict=True)) == {("00:00:00", "24:00:00")}
    # one schedule has two intervals a day, without overlap
    apac = bh[bh.schedule_id == "apac_business"].sort_values(["day_of_week", "start_time"])
    assert (apac.groupby("day_of_week").size() == 2).all()
    assert (apac.groupby("day_of_week").end_time.first() <= apac.groupby("day_of_week").start_time.last()).all()


def test_holiday_ranges(demo):
    dfs, _, _ = demo
    hol, schedule_ids = dfs["holidays"], set(dfs["schedules"].schedule_id)
    assert set(hol.schedule_id.dropna()) <= schedule_ids
    assert hol.start_date.notna().all() and hol.end_date.notna().all() and hol.name.notna().all()
    assert (hol.end_date >= hol.start_date).all()
    assert not hol.fillna({"schedule_id": ""}).duplicated(["schedule_id", "start_date"]).any()
    assert (hol.schedule_id.isna()).sum() >= 1  # a company-wide holiday
    # v1 columns, where given, agree with the v2 ones
    v1 = hol[hol.holiday_date.notna()]
    assert len(v1) > 0 and (v1.holiday_date == v1.start_date).all() and (v1.holiday_name == v1.name).all()
    for schedule_id in schedule_ids:
        own = hol[(hol.schedule_id == schedule_id) | hol.schedule_id.isna()].sort_values("start_date")
        assert (own.start_date.iloc[1:].to_numpy() > own.end_date.iloc[:-1].to_numpy()).all(), schedule_id
        if schedule_id != "premium_24x7":  # every business-hours calendar has a range over a weekend
            ranges = own[own.end_date > own.start_date]
            spans_weekend = [any(day.weekday() >= 5 for day in pd.date_range(r.start_date, r.end_date))
                             for r in ranges.itertuples()]
            assert any(spans_weekend), schedule_id


def test_ticket_schedules(demo):
    dfs, meta, _ = demo
    d = clean(dfs, meta)
    ts, tickets = d["ticket_schedules"], d["tickets"].set_index("ticket_id")
    assert set(ts.schedule_id) <= set(d["schedules"].schedule_id)
    assert set(ts.ticket_id) <= set(tickets.index)
    assert not ts.duplicated(["ticket_id", "valid_from"]).any()
    ts = ts.sort_values(["ticket_id", "valid_from"])
    first = ts.groupby("ticket_id").first()
    assert (first.valid_from == tickets.created_at[first.index]).all()  # a schedule from creation on
    changes = ts[ts.duplicated("ticket_id")]
    assert len(changes) > 0 and set(changes.schedule_id) == {"premium_24x7"}
    assert (changes.valid_from > tickets.created_at[changes.ticket_id].to_numpy()).all()
    assert (changes.valid_from < meta["data_window"]["end_exclusive"]).all()
    # tickets without a row are on the default schedule: non-enterprise customers in amer
    customers = d["customers"].set_index("customer_id")
    without = tickets[~tickets.index.isin(ts.ticket_id)]
    assert len(without) > 0
    assert (customers.region[without.customer_id] == "amer").all()
    assert (customers.segment[without.customer_id] != "enterprise").all()
    enterprise = customers.segment[tickets.customer_id].to_numpy() == "enterprise"
    assert (first.schedule_id.reindex(tickets.index[enterprise]) == "premium_24x7").all()


def test_agents_and_assignments(demo):
    dfs, meta, _ = demo
    d = clean(dfs, meta)
    agents, tickets, events = d["agents"], d["tickets"], d["ticket_events"]
    assert agents.agent_id.is_unique and agents.name.notna().all()
    assert set(agents.role) <= set(gen.contract.AGENT_ROLES)
    assert (agents.role == "bot").sum() == 1 and (agents.role == "system").sum() == 1
    assert set(agents.is_active) == {"true", "false"}
    people = agents[agents.role.isin(["agent", "admin"])]
    assert set(people.group_name) <= set(gen.GROUPS) and agents.group_name.isna().sum() == 2
    assert set(tickets.assignee_id.dropna()) <= set(people.agent_id)
    # actors: the ticket's customer, an agent, or nobody for system events
    ev = events.merge(tickets[["ticket_id", "customer_id", "assignee_id", "group_name"]], on="ticket_id",
                      suffixes=("", "_ticket"))
    by_customer = ev.actor_type == "customer"
    assert (ev.actor_id[by_customer] == ev.customer_id[by_customer]).all()
    assert ev.actor_id[ev.actor_type == "system"].isna().all()
    assert set(ev.actor_id[ev.actor_type == "agent"]) <= set(agents.agent_id)
    # assignments: the last one is the ticket's current assignee and group
    assignments = ev[ev.event_type == "assignment"].sort_values(["event_at", "event_id"])
    assert assignments.assignee_id.notna().all() and assignments.group_name.notna().all()
    assert events.loc[events.event_type != "assignment", ["assignee_id", "group_name"]].isna().all().all()
    last = assignments.groupby("ticket_id").last()
    assert set(last.index) == set(tickets.ticket_id[tickets.assignee_id.notna()])
    assert (last.assignee_id == last.assignee_id_ticket).all() and (last.group_name == last.group_name_ticket).all()
    per_ticket = assignments.groupby("ticket_id")
    handoffs = assignments[assignments.ticket_id.map(per_ticket.size()) > 1]
    first_of_handoffs = handoffs.groupby("ticket_id").first()
    assert len(first_of_handoffs) > 20
    assert (first_of_handoffs.assignee_id != first_of_handoffs.assignee_id_ticket).all()
    assert (first_of_handoffs.group_name != first_of_handoffs.group_name_ticket).any()
    assert set(per_ticket.first().actor_id) == {"B001"}
    # every agent event is by the agent assigned at that moment
    agent_events = ev[(ev.actor_type == "agent") & (ev.event_type != "assignment")].copy()
    agent_events["ts"] = pd.to_datetime(agent_events.event_at)
    in_force = assignments.assign(ts=pd.to_datetime(assignments.event_at))[["ticket_id", "ts", "assignee_id"]]
    matched = pd.merge_asof(agent_events.sort_values("ts"), in_force.sort_values("ts"), on="ts", by="ticket_id",
                            suffixes=("", "_in_force"))
    assert (matched.actor_id == matched.assignee_id_in_force).all()


def test_ticket_sla_policies(demo):
    dfs, meta, _ = demo
    d = clean(dfs, meta)
    targets, applied, tickets = d["sla_policy_targets"], d["ticket_sla_policies"], d["tickets"]
    assert not targets.duplicated(["policy_id", "priority", "metric"]).any()
    assert set(targets.metric) == set(gen.contract.SLA_METRICS)
    assert set(targets.priority) == set(gen.PRIORITIES)
    assert (targets.target_minutes.astype(int) > 0).all() and set(targets.in_business_hours) == {"true", "false"}
    assert set(applied.policy_id) == set(targets.policy_id)
    assert set(applied.ticket_id) <= set(tickets.ticket_id)
    assert not applied.duplicated(["ticket_id", "applied_at"]).any()
    created = tickets.set_index("ticket_id").created_at
    assert (applied.applied_at >= created[applied.ticket_id].to_numpy()).all()
    assert (applied.groupby("ticket_id").size() > 1).any()  # re-applied later
    assert 0 < applied.ticket_id.nunique() < len(tickets)


def test_ticket_sla_policies_keep_the_planted_breach_verdicts(big):
    """A ticket's policy in force gives the same calendar first-reply verdict as its
    (priority, channel) target, so the planted SLA -> churn effect holds either way."""
    d, meta = big
    tb = ticket_breach(d, meta)
    applied = d["ticket_sla_policies"].sort_values(["ticket_id", "applied_at"]).groupby("ticket_id").last()
    first_reply = d["sla_policy_targets"].query("metric == 'first_reply'")[["policy_id", "priority", "target_minutes"]]
    tb = tb.join(applied.policy_id, on="ticket_id", how="inner").merge(first_reply, on=["policy_id", "priority"])
    assert len(tb) > 1000
    target = tb.target_minutes.astype(int)
    minutes = (pd.to_datetime(tb.first_reply_at) - pd.to_datetime(tb.created_at)).dt.total_seconds() / 60
    end = pd.Timestamp(meta["data_window"]["end_exclusive"])
    by_policy = np.where(tb.first_reply_at.notna(), minutes > target,
                         pd.to_datetime(tb.created_at) + pd.to_timedelta(target, unit="m") < end)
    assert (by_policy == tb.breached).all()
    assert (target != tb.first_reply_target_minutes.astype(int)).mean() > 0.5  # the targets do differ
