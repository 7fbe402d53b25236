"""Deterministic synthetic demo data for cx-metrics.

The generator writes ten raw tables (see ``TABLE_COLUMNS``) that look like a
help-desk export (customers, tickets, ticket events, SLA policies, business
hours, holidays), a survey tool export (invitations, responses) and a social
listening export (posts, customer identities).  Every value is written as a
string exactly as it appears in the CSV contract (timestamps UTC
``YYYY-MM-DD HH:MM:SS``, booleans ``true``/``false``, null = empty field);
Parquet output carries the same strings (all columns utf8) so the raw layer is
identical whichever format is loaded.

All parameters live in :class:`GeneratorParams`; they are dumped, together
with the seed, the row counts, the planted effects and the planted bad rows,
to ``generator_params.json``.  The data window is fixed by the parameters
(default 2025-11-01 .. 2026-10-31 UTC), never by the wall clock, so the same
seed always gives byte-identical output.

Planted effects (causal direction: ticket/social experience -> outcome)
-----------------------------------------------------------------------
1. SLA breach -> churn (``sla_breach_churn_odds_ratio`` = 2.0).
   A ticket is *eligible* when its first comment was written by the customer
   (agent-created / outbound tickets are excluded).  Its first reply is the
   earliest *public* agent comment (internal notes do not count).  It is
   *breached* when (first_reply_at - created_at), in CALENDAR minutes
   (epoch-second difference / 60, no business-hours arithmetic), is greater
   than ``sla_policies.first_reply_target_minutes`` for the ticket's
   (priority, channel); a ticket with no public agent reply is breached when
   created_at + target is before the end of the data window.  A customer is
   breached when at least one eligible ticket is breached.  Churn is drawn
   from logit(p) = churn_base_logit + ln(2.0)*breached
   + ln(unanswered_social_churn_odds_ratio)*has_unanswered_social
   + churn_segment_logit[segment]; churned_at lies after the customer's last
   interaction (ticket events, social posts, ticket-survey invitations and
   responses) and inside the window.  A plain 2x2 table (breached x churned) over customers
   with at least one eligible ticket recovers an odds ratio close to 2.
2. Unanswered social post -> fewer NPS promoters.  For every NPS response
   take the respondent's most recent social conversation (root post, linked
   through customer_identities on (platform, handle)) whose root post was
   created before responded_at.  If that conversation has at least one brand
   post, P(score 9-10) = ``promoter_share_after_answered_social`` (0.71); if
   it has none, ``promoter_share_after_unanswered_social`` (0.19); with no
   earlier conversation, ``promoter_share_no_social`` (0.45).  Unanswered
   social conversations also raise churn odds (parameter above).
3. Milder ticket effect: CSAT (sent only for solved tickets) is good
   (score 4-5) with probability ``csat_good_share_sla_met`` (0.85) when the
   ticket's first reply met the SLA (or the ticket is agent-created) and
   ``csat_good_share_sla_breached`` (0.62) when it was breached.

Outcome draws (churn, NPS promoter, CSAT good) are stratified "quota" Bernoulli
draws (:func:`quota_bernoulli`): inside every cell of the model the number of
positives equals the expected count (random members), so realised effects match
the parameters closely even in the 2,000-ticket demo.  The realised values are
written to ``realised_effects`` in the params file.

Planted bad rows (listed one by one in ``generator_params.json``) carry the
rule codes null_key, duplicate_key, unparseable_value, unknown_enum,
orphan_reference, timestamp_out_of_order, out_of_range and self_reference;
every other row is clean.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

# --------------------------------------------------------------------------
# Contract
# --------------------------------------------------------------------------

TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "customers": ("customer_id", "segment", "region", "signup_at", "churned_at",
                  "annual_revenue", "email", "is_incentivized", "_loaded_at"),
    "customer_identities": ("platform", "handle", "customer_id", "_loaded_at"),
    "tickets": ("ticket_id", "customer_id", "channel", "priority", "created_at",
                "subject", "assignee_id", "group_name", "via_social_post_id",
                "_loaded_at"),
    "ticket_events": ("event_id", "ticket_id", "event_at", "actor_type",
                      "event_type", "is_public", "status", "_loaded_at"),
    "survey_invitations": ("invitation_id", "customer_id", "ticket_id",
                           "survey_type", "channel", "sent_at", "_loaded_at"),
    "survey_responses": ("response_id", "invitation_id", "customer_id",
                         "ticket_id", "survey_type", "score", "comment",
                         "responded_at", "followed_up_at", "_loaded_at"),
    "social_posts": ("post_id", "platform", "brand", "author_handle",
                     "author_is_brand", "created_at", "text",
                     "in_reply_to_post_id", "author_followers", "_loaded_at"),
    "sla_policies": ("priority", "channel", "first_reply_target_minutes",
                     "next_reply_target_minutes", "resolution_target_minutes",
                     "in_business_hours", "_loaded_at"),
    "business_hours": ("day_of_week", "start_time", "end_time", "timezone",
                       "_loaded_at"),
    "holidays": ("holiday_date", "holiday_name", "_loaded_at"),
}

SEGMENTS = ("smb", "mid_market", "enterprise")
REGIONS = ("amer", "emea", "apac")
CHANNELS = ("email", "chat", "phone", "web", "social")
PRIORITIES = ("low", "normal", "high", "urgent")
GROUPS = ("billing", "technical", "account", "shipping", "general")
PLATFORMS = ("twitter", "facebook", "instagram")
ACTORS = ("customer", "agent", "system")
EVENT_TYPES = ("comment", "status_change")
STATUSES = ("new", "open", "pending", "hold", "solved", "closed")
SURVEY_TYPES = ("nps", "csat", "ces")
SURVEY_CHANNELS = ("email", "web", "in_app", "sms")

CUSTOMER, AGENT, SYSTEM = 0, 1, 2
COMMENT, STATUS_CHANGE = 0, 1
NEW, OPEN, PENDING, HOLD, SOLVED, CLOSED = range(6)
NO_STATUS = -1
NPS, CSAT, CES = 0, 1, 2

TS_FORMAT = "%Y-%m-%d %H:%M:%S"
MINUTE = 60
HOUR = 3600
DAY = 86400


# --------------------------------------------------------------------------
# Parameters (the single place every knob lives)
# --------------------------------------------------------------------------

def _d(**kw: float) -> Any:
    return field(default_factory=lambda: dict(kw))


@dataclass(frozen=True)
class GeneratorParams:
    """Every generator parameter; dumped verbatim to generator_params.json."""

    seed: int = 42
    n_tickets: int = 2000
    # data window (UTC, inclusive days) and history
    window_start: str = "2025-11-01"
    window_end: str = "2026-10-31"
    customer_history_start: str = "2021-01-01"
    timezone: str = "America/New_York"
    business_day_start: str = "09:00:00"
    business_day_end: str = "17:00:00"
    static_tables_loaded_at: str = "2025-10-31 00:30:00"
    load_batch_hours: int = 6
    load_batch_offset_minutes: int = 30
    # sizes relative to n_tickets
    customers_per_ticket: float = 0.6
    social_conversations_per_ticket: float = 0.4
    agents_per_ticket: float = 0.01
    # customers
    segment_mix: dict = _d(smb=0.6, mid_market=0.3, enterprise=0.1)
    region_mix: dict = _d(amer=0.5, emea=0.3, apac=0.2)
    signup_before_window_share: float = 0.65
    annual_revenue_median: dict = _d(smb=6000.0, mid_market=60000.0, enterprise=600000.0)
    annual_revenue_sigma: float = 0.6
    incentivized_share: float = 0.03
    activity_gamma_shape: float = 1.5
    activity_segment_multiplier: dict = _d(smb=1.0, mid_market=1.5, enterprise=2.5)
    # identities / social
    identity_share: float = 0.40
    second_identity_share: float = 0.10
    platform_mix: dict = _d(twitter=0.55, facebook=0.25, instagram=0.20)
    brand_mix: dict = _d(acmebank=0.35, acmeair=0.25, acmetel=0.25, acmeshop=0.15)
    brand_followers: dict = _d(acmebank=250000, acmeair=410000, acmetel=180000, acmeshop=95000)
    social_identified_share: float = 0.85
    social_answered_share: float = 0.70
    social_double_post_share: float = 0.20
    social_double_post_delay_median_minutes: float = 25.0
    brand_reply_delay_median_minutes: float = 90.0
    brand_reply_delay_sigma: float = 1.3
    social_followup_share: float = 0.5
    social_brand_followup_share: float = 0.85
    social_followup_delay_median_minutes: float = 60.0
    social_max_followup_rounds: int = 2
    social_ticket_delay_median_minutes: float = 45.0
    author_followers_median: float = 150.0
    author_followers_sigma: float = 1.5
    author_high_reach_share: float = 0.02
    author_followers_null_share: float = 0.05
    # tickets
    channel_mix: dict = _d(email=0.40, chat=0.20, phone=0.15, web=0.15, social=0.10)
    priority_mix: dict = _d(low=0.20, normal=0.55, high=0.18, urgent=0.07)
    group_mix: dict = _d(billing=0.30, technical=0.30, account=0.15, shipping=0.15, general=0.10)
    # SLA policies: first reply = base[priority] * factor[channel]
    sla_first_reply_base_minutes: dict = _d(urgent=60, high=240, normal=480, low=1440)
    sla_channel_factor: dict = _d(email=1.0, chat=0.25, phone=0.25, web=1.0, social=0.5)
    sla_next_reply_factor: float = 1.5
    sla_resolution_base_minutes: dict = _d(urgent=480, high=1440, normal=2880, low=5760)
    sla_resolution_channel_factor: dict = _d(email=1.0, chat=0.5, phone=0.5, web=1.0, social=1.0)
    # ticket conversation
    agent_created_share: float = 0.05
    unanswered_ticket_share: float = 0.07
    first_reply_delay_median_ratio: float = 0.32
    first_reply_delay_sigma: float = 0.85
    followup_round_probs: tuple = (0.35, 0.35, 0.18, 0.08, 0.04)
    customer_followup_delay_median_minutes: float = 180.0
    customer_followup_delay_sigma: float = 1.2
    next_reply_delay_median_ratio: float = 0.5
    next_reply_delay_sigma: float = 0.9
    internal_note_share: float = 0.10
    hold_share: float = 0.06
    reopen_share: float = 0.08
    reopen_delay_median_minutes: float = 1440.0
    reopen_fix_delay_median_minutes: float = 240.0
    close_after_solved_days: tuple = (3.0, 5.0)
    unanswered_triage_share: float = 0.5
    unanswered_bump_share: float = 0.4
    # churn model
    churn_base_logit: float = -2.0
    sla_breach_churn_odds_ratio: float = 2.0
    unanswered_social_churn_odds_ratio: float = 1.5
    churn_segment_logit: dict = _d(smb=0.1, mid_market=0.0, enterprise=-0.1)
    # surveys
    nps_wave_days: tuple = (45, 136, 227, 318)
    nps_invite_share: float = 0.6
    response_rate: dict = _d(nps=0.28, csat=0.33, ces=0.25)
    ticket_survey_mix: dict = _d(csat=0.70, ces=0.15, none=0.15)
    nps_channel_mix: dict = _d(email=0.6, web=0.0, in_app=0.25, sms=0.15)
    ticket_survey_channel_mix: dict = _d(email=0.7, web=0.15, in_app=0.10, sms=0.05)
    response_delay_median_minutes: float = 360.0
    response_delay_sigma: float = 1.3
    open_link_response_share: float = 0.10
    promoter_share_after_answered_social: float = 0.71
    promoter_share_after_unanswered_social: float = 0.19
    promoter_share_no_social: float = 0.45
    passive_share_of_non_promoters: float = 0.4
    csat_good_share_sla_met: float = 0.85
    csat_good_share_sla_breached: float = 0.62
    ces_easy_share_base: float = 0.75
    ces_easy_share_per_round: float = -0.08
    comment_share: float = 0.40
    followup_share_detractor: float = 0.75
    followup_share_other: float = 0.03
    followup_delay_median_hours: float = 44.0
    followup_delay_sigma: float = 0.5


# --------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------

def epoch(value: str) -> int:
    """'YYYY-MM-DD' or 'YYYY-MM-DD HH:MM:SS' (UTC) -> epoch seconds."""
    fmt = "%Y-%m-%d %H:%M:%S" if " " in value else "%Y-%m-%d"
    return int(dt.datetime.strptime(value, fmt).replace(tzinfo=dt.timezone.utc).timestamp())


def window_bounds(p: GeneratorParams) -> tuple[int, int]:
    """[start, end) in epoch seconds; end is midnight after window_end."""
    return epoch(p.window_start), epoch(p.window_end) + DAY


def mix(d: dict, keys: tuple[str, ...]) -> np.ndarray:
    w = np.array([float(d.get(k, 0.0)) for k in keys])
    return w / w.sum()


def lognormal_seconds(rng: np.random.Generator, median_s: np.ndarray | float, sigma: float,
                      n: int, minimum: int = 60) -> np.ndarray:
    """Log-normal delays (int seconds) with the given median, at least `minimum`."""
    x = np.asarray(median_s, dtype=float) * np.exp(sigma * rng.standard_normal(n))
    return np.maximum(np.rint(x), minimum).astype(np.int64)


def load_batch(t: np.ndarray, p: GeneratorParams) -> np.ndarray:
    """Next load batch strictly after t (every load_batch_hours at :offset)."""
    step = p.load_batch_hours * HOUR
    off = p.load_batch_offset_minutes * MINUTE
    t = np.asarray(t, dtype=np.int64)
    return ((t - off) // step + 1) * step + off


def id_width(default: int, n_max: int) -> int:
    return max(default, len(str(int(n_max))))


def fmt_ids(prefix: str, numbers: np.ndarray, width: int,
            mask: np.ndarray | None = None) -> pa.Array:
    """prefix + zero padded number; mask=True -> null."""
    s = pc.cast(pa.array(np.asarray(numbers, dtype=np.int64), mask=mask), pa.string())
    s = pc.utf8_lpad(s, width=width, padding="0")
    return pc.binary_join_element_wise(prefix, s, "")


def fmt_ts(t: np.ndarray, mask: np.ndarray | None = None) -> pa.Array:
    arr = pa.array(np.asarray(t, dtype=np.int64), type=pa.int64(), mask=mask)
    return pc.strftime(arr.cast(pa.timestamp("s")), format=TS_FORMAT)


def fmt_enum(values: tuple[str, ...] | list[str], codes: np.ndarray) -> pa.Array:
    """values[code]; code < 0 -> null."""
    codes = np.asarray(codes, dtype=np.int64)
    idx = pa.array(np.where(codes < 0, 0, codes), mask=codes < 0)
    return pa.array(list(values), type=pa.string()).take(idx)


def fmt_bool(b: np.ndarray) -> pa.Array:
    return fmt_enum(("false", "true"), np.asarray(b, dtype=np.int64))


def fmt_int(x: np.ndarray, mask: np.ndarray | None = None) -> pa.Array:
    return pc.cast(pa.array(np.asarray(x, dtype=np.int64), mask=mask), pa.string())


def fmt_money(x: np.ndarray) -> pa.Array:
    cents = np.rint(np.asarray(x) * 100).astype(np.int64)
    whole = pc.cast(pa.array(cents // 100), pa.string())
    frac = pc.utf8_lpad(pc.cast(pa.array(cents % 100), pa.string()), width=2, padding="0")
    return pc.binary_join_element_wise(whole, frac, ".")


def quota_bernoulli(rng: np.random.Generator, prob: np.ndarray,
                    strata: np.ndarray) -> np.ndarray:
    """Stratified Bernoulli draw: in each stratum exactly floor(sum(prob) + U) rows are True.

    Members are chosen uniformly at random inside a stratum, so with a constant probability
    per stratum this is a Bernoulli draw without the binomial noise in the count: realised
    rates match the model (within one row per stratum) even on the small demo.
    """
    prob = np.asarray(prob, dtype=float)
    _, codes = np.unique(np.asarray(strata), return_inverse=True)
    codes = codes.ravel()
    n_codes = int(codes.max()) + 1 if len(codes) else 0
    k = np.floor(np.bincount(codes, weights=prob, minlength=n_codes)
                 + rng.random(n_codes)).astype(np.int64)
    order = np.lexsort((rng.random(len(prob)), codes))
    sorted_codes = codes[order]
    rank = np.arange(len(order)) - np.searchsorted(sorted_codes, sorted_codes, side="left")
    out = np.empty(len(prob), dtype=bool)
    out[order] = rank < k[sorted_codes]
    return out


def group_max(keys: np.ndarray, values: np.ndarray, n: int, fill: int) -> np.ndarray:
    out = np.full(n, fill, dtype=np.int64)
    if len(keys):
        np.maximum.at(out, keys, values)
    return out


# --------------------------------------------------------------------------
# Calendar: holidays, business hours, arrival profiles
# --------------------------------------------------------------------------

def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """n-th (1-based; -1 = last) ISO-less weekday (Mon=0) of a month."""
    if n > 0:
        d = dt.date(year, month, 1)
        d += dt.timedelta(days=(weekday - d.weekday()) % 7)
        return d + dt.timedelta(weeks=n - 1)
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    d = nxt - dt.timedelta(days=1)
    return d - dt.timedelta(days=(d.weekday() - weekday) % 7)


def _observed(d: dt.date) -> dt.date:
    if d.weekday() == 5:
        return d - dt.timedelta(days=1)
    if d.weekday() == 6:
        return d + dt.timedelta(days=1)
    return d


def us_federal_holidays(start: dt.date, end: dt.date) -> list[tuple[dt.date, str]]:
    """US federal holidays (observed dates) with start <= date <= end."""
    out: list[tuple[dt.date, str]] = []
    for y in range(start.year, end.year + 1):
        fixed = [((1, 1), "New Year's Day"), ((6, 19), "Juneteenth National Independence Day"),
                 ((7, 4), "Independence Day"), ((11, 11), "Veterans Day"),
                 ((12, 25), "Christmas Day")]
        for (m, d), name in fixed:
            actual = dt.date(y, m, d)
            obs = _observed(actual)
            out.append((obs, name if obs == actual else f"{name} (observed)"))
        out += [(_nth_weekday(y, 1, 0, 3), "Birthday of Martin Luther King, Jr."),
                (_nth_weekday(y, 2, 0, 3), "Washington's Birthday"),
                (_nth_weekday(y, 5, 0, -1), "Memorial Day"),
                (_nth_weekday(y, 9, 0, 1), "Labor Day"),
                (_nth_weekday(y, 10, 0, 2), "Columbus Day"),
                (_nth_weekday(y, 11, 3, 4), "Thanksgiving Day")]
    return sorted((d, n) for d, n in out if start <= d <= end)


def get_zone(tz: str) -> dt.tzinfo:
    """IANA zone from the system tz database, else from dateutil's bundled copy."""
    try:
        return ZoneInfo(tz)
    except ZoneInfoNotFoundError:  # pragma: no cover - machines without /usr/share/zoneinfo
        from dateutil import tz as dateutil_tz
        zone = dateutil_tz.gettz(tz)
        if zone is None:
            raise
        return zone


@dataclass(frozen=True)
class ArrivalProfile:
    """Piecewise-uniform hourly arrival intensity over the window."""

    bin_start: np.ndarray
    weight: np.ndarray
    cdf_start: np.ndarray
    cdf_end: np.ndarray


def arrival_profile(start_s: int, end_s: int, tz: str, holidays: set[dt.date],
                    weekday_hours: np.ndarray, weekend_hours: np.ndarray) -> ArrivalProfile:
    """Hourly weights from local (tz) hour of day; weekends and holidays use weekend_hours."""
    zone = get_zone(tz)
    bins = np.arange(start_s, end_s, HOUR, dtype=np.int64)
    w = np.empty(len(bins))
    for i, b in enumerate(bins.tolist()):  # one iteration per hour of the window (~8.8k)
        local = dt.datetime.fromtimestamp(b, tz=zone)
        off = local.weekday() >= 5 or local.date() in holidays
        w[i] = (weekend_hours if off else weekday_hours)[local.hour]
    w = w / w.sum()
    cdf_end = np.cumsum(w)
    cdf_end[-1] = 1.0
    return ArrivalProfile(bins, w, cdf_end - w, cdf_end)


def ticket_hour_weights() -> tuple[np.ndarray, np.ndarray]:
    weekday = np.full(24, 0.05)
    weekday[7:9] = 0.25
    weekday[9:17] = 1.0
    weekday[17:20] = 0.25
    weekend = np.full(24, 0.04)
    weekend[9:18] = 0.08
    return weekday, weekend


def social_hour_weights() -> tuple[np.ndarray, np.ndarray]:
    weekday = np.full(24, 0.2)
    weekday[8:23] = 1.0
    weekend = np.full(24, 0.2)
    weekend[9:24] = 0.8
    return weekday, weekend


def sample_arrivals(rng: np.random.Generator, prof: ArrivalProfile,
                    lower: np.ndarray) -> np.ndarray:
    """Arrival times from the profile, conditioned on t >= lower (vectorised inverse CDF)."""
    lower = np.asarray(lower, dtype=np.int64)
    nb = len(prof.bin_start)
    b = np.clip((lower - prof.bin_start[0]) // HOUR, 0, nb - 1)
    frac = np.clip((lower - prof.bin_start[b]) / HOUR, 0.0, 1.0)
    f_lo = prof.cdf_start[b] + prof.weight[b] * frac
    u = f_lo + rng.random(len(lower)) * (1.0 - f_lo)
    b2 = np.clip(np.searchsorted(prof.cdf_end, u, side="right"), 0, nb - 1)
    frac2 = np.clip((u - prof.cdf_start[b2]) / prof.weight[b2], 0.0, 0.9999)
    t = prof.bin_start[b2] + np.floor(frac2 * HOUR).astype(np.int64)
    return np.maximum(t, lower)


# --------------------------------------------------------------------------
# Static tables
# --------------------------------------------------------------------------

def sla_policy_matrix(p: GeneratorParams) -> dict[str, np.ndarray]:
    """One row per priority x channel, row order = PRIORITIES x CHANNELS."""
    pri = np.repeat(np.arange(len(PRIORITIES)), len(CHANNELS))
    ch = np.tile(np.arange(len(CHANNELS)), len(PRIORITIES))
    base = np.array([p.sla_first_reply_base_minutes[k] for k in PRIORITIES], dtype=float)
    fac = np.array([p.sla_channel_factor[k] for k in CHANNELS], dtype=float)
    rbase = np.array([p.sla_resolution_base_minutes[k] for k in PRIORITIES], dtype=float)
    rfac = np.array([p.sla_resolution_channel_factor[k] for k in CHANNELS], dtype=float)
    first = np.maximum(5, np.rint(base[pri] * fac[ch])).astype(np.int64)
    nxt = np.rint(first * p.sla_next_reply_factor).astype(np.int64)
    res = np.maximum(first * 2, np.rint(rbase[pri] * rfac[ch])).astype(np.int64)
    return {"priority": pri, "channel": ch, "first": first, "next": nxt,
            "resolution": res, "in_business_hours": pri != PRIORITIES.index("urgent")}


def sla_lookup(p: GeneratorParams) -> tuple[np.ndarray, np.ndarray]:
    """(first_reply_target, next_reply_target) minutes indexed [priority, channel]."""
    m = sla_policy_matrix(p)
    shape = (len(PRIORITIES), len(CHANNELS))
    return m["first"].reshape(shape), m["next"].reshape(shape)


def build_static_tables(p: GeneratorParams) -> dict[str, pa.Table]:
    loaded = epoch(p.static_tables_loaded_at)
    m = sla_policy_matrix(p)
    n = len(m["priority"])
    sla = {
        "priority": fmt_enum(PRIORITIES, m["priority"]),
        "channel": fmt_enum(CHANNELS, m["channel"]),
        "first_reply_target_minutes": fmt_int(m["first"]),
        "next_reply_target_minutes": fmt_int(m["next"]),
        "resolution_target_minutes": fmt_int(m["resolution"]),
        "in_business_hours": fmt_bool(m["in_business_hours"]),
        "_loaded_at": fmt_ts(np.full(n, loaded)),
    }
    bh = {
        "day_of_week": fmt_int(np.arange(1, 6)),
        "start_time": pa.array([p.business_day_start] * 5),
        "end_time": pa.array([p.business_day_end] * 5),
        "timezone": pa.array([p.timezone] * 5),
        "_loaded_at": fmt_ts(np.full(5, loaded)),
    }
    hol = us_federal_holidays(dt.date.fromisoformat(p.window_start),
                              dt.date.fromisoformat(p.window_end))
    hd = {
        "holiday_date": pa.array([d.isoformat() for d, _ in hol], type=pa.string()),
        "holiday_name": pa.array([nm for _, nm in hol], type=pa.string()),
        "_loaded_at": fmt_ts(np.full(len(hol), loaded)),
    }
    return {"sla_policies": to_table("sla_policies", sla),
            "business_hours": to_table("business_hours", bh),
            "holidays": to_table("holidays", hd)}


def to_table(name: str, cols: dict[str, pa.Array]) -> pa.Table:
    names = list(TABLE_COLUMNS[name])
    assert list(cols) == names or set(cols) == set(names), (name, list(cols))
    return pa.table([pa.array(cols[c], type=pa.string()) if not isinstance(cols[c], pa.Array)
                     else cols[c].cast(pa.string()) for c in names], names=names)


# --------------------------------------------------------------------------
# Text
# --------------------------------------------------------------------------

TICKET_SUBJECTS: dict[str, tuple[str, ...]] = {
    "billing": ("Charged twice for my subscription", "Question about my latest invoice",
                "Refund request", "Update payment method", "Unexpected fee on statement",
                "Cancel auto-renewal"),
    "technical": ("Cannot log in to my account", "App crashes on startup",
                  "Error when exporting report", "Password reset email never arrives",
                  "Two-factor code not accepted", "Page keeps loading forever"),
    "account": ("Change the email on my account", "Add a user to our team",
                "Close my account", "Update company address", "Merge duplicate accounts"),
    "shipping": ("Where is my order?", "Package arrived damaged", "Delivery address change",
                 "Wrong item delivered", "Tracking number not working"),
    "general": ("Question about your service", "Feedback on the new app",
                "How do I contact sales?", "Request for documentation", "General inquiry"),
}

SOCIAL_ROOT = (
    "my card got declined again at checkout, what is going on?",
    "been waiting 40 minutes on the phone, is anyone there?",
    "can't log in to the app since the last update",
    "still waiting for my refund from two weeks ago",
    "why was I charged twice this month??",
    "my delivery is three days late and tracking shows nothing",
    "the app keeps crashing when I open my account",
    "how do I change the address on my account?",
    "your website is down again",
    "love the new app design, nice work!",
    "is there an outage right now? nothing loads",
    "I have been trying to reach support for days",
    "my flight booking disappeared from the app",
    "lost my password and the reset link never arrives",
    "do you ship to Canada?",
)
SOCIAL_BUMP = (
    "hello?? anyone?", "still no answer...", "any update on this?",
    "really disappointed nobody replies here", "this is getting ridiculous",
    "please help, it's urgent",
)
SOCIAL_BRAND_REPLY = (
    "Sorry to hear that! Could you DM us your account email so we can take a look?",
    "Thanks for reaching out, we're looking into it right now.",
    "We're sorry for the trouble. Please send us a DM with your order number.",
    "Hi! That's not the experience we want for you. Our team will follow up by DM.",
    "Thanks for the kind words, we'll pass them on to the team!",
    "We're aware of an issue and are working on a fix. Thanks for your patience.",
)
SOCIAL_CUSTOMER_FOLLOWUP_OK = (
    "thanks, that fixed it!", "DM sent", "ok, thanks for the quick reply",
    "sent you the details",
)
SOCIAL_CUSTOMER_FOLLOWUP_BAD = (
    "still not working...", "that didn't help at all", "I already sent a DM yesterday, no reply",
)
SOCIAL_BRAND_FOLLOWUP_OK = (
    "Glad we could help!", "Thanks, we've replied in DM.", "Got it, our team is on it.",
)
SOCIAL_BRAND_FOLLOWUP_BAD = (
    "Sorry it's still not working, we've escalated it.",
    "Apologies for the delay, a specialist will DM you today.",
)

COMMENTS_POSITIVE = (
    "The agent was really helpful with my billing question.",
    "Quick answer and my refund arrived the next day.",
    "Great support, the login issue was fixed in minutes.",
    "Very friendly and helpful agent, thank you!",
    "Delivery was on time and support kept me updated.",
    "Easy to reach someone and they solved it right away.",
    "Fast and clear answer, much appreciated.",
)
COMMENTS_NEUTRAL = (
    "It took a while but the billing problem is sorted now.",
    "Support was ok, the answer was a bit slow.",
    "Delivery was fine, the app could be easier to use.",
    "Agent was polite but I had to explain the login issue twice.",
    "Refund processed, though I had to ask more than once.",
    "Average experience, nothing special.",
)
COMMENTS_NEGATIVE = (
    "Slow answer, I waited days for a reply.",
    "Still waiting for my refund, very frustrating.",
    "Nobody answered my message about the delivery.",
    "I was charged twice and billing did not help.",
    "Login still does not work after three contacts.",
    "The agent closed my ticket without fixing anything.",
    "Terrible support, nobody replied to my post.",
)


def pick_text(rng: np.random.Generator, pool: tuple[str, ...], n: int) -> pa.Array:
    return fmt_enum(pool, rng.integers(0, len(pool), n))


# --------------------------------------------------------------------------
# Generation steps (numeric frames: dict of numpy arrays)
# --------------------------------------------------------------------------

Frame = dict[str, np.ndarray]


def gen_customers(rng: np.random.Generator, p: GeneratorParams, n: int) -> Frame:
    start_s, end_s = window_bounds(p)
    hist_s = epoch(p.customer_history_start)
    seg = rng.choice(len(SEGMENTS), n, p=mix(p.segment_mix, SEGMENTS))
    region = rng.choice(len(REGIONS), n, p=mix(p.region_mix, REGIONS))
    before = rng.random(n) < p.signup_before_window_share
    signup = np.where(before, rng.integers(hist_s, start_s, n),
                      rng.integers(start_s, end_s - 14 * DAY, n))
    order = np.argsort(signup, kind="stable")  # ids in signup order
    seg, region, signup = seg[order], region[order], signup[order]
    med = np.array([p.annual_revenue_median[k] for k in SEGMENTS])[seg]
    revenue = med * np.exp(p.annual_revenue_sigma * rng.standard_normal(n))
    active_from = np.maximum(signup, start_s)
    exposure = (end_s - active_from) / (end_s - start_s)
    mult = np.array([p.activity_segment_multiplier[k] for k in SEGMENTS])[seg]
    activity = rng.gamma(p.activity_gamma_shape, 1.0, n) * mult * exposure
    return {"segment": seg, "region": region, "signup": signup, "revenue": np.round(revenue, 2),
            "incentivized": rng.random(n) < p.incentivized_share,
            "activity": activity, "active_from": active_from}


def gen_identities(rng: np.random.Generator, p: GeneratorParams, n_customers: int) -> Frame:
    """Identity rows: customer index, platform code, second flag (handle built at render)."""
    has = np.flatnonzero(rng.random(n_customers) < p.identity_share)
    plat1 = rng.choice(len(PLATFORMS), len(has), p=mix(p.platform_mix, PLATFORMS))
    second = rng.random(len(has)) < p.second_identity_share
    plat2 = (plat1[second] + rng.integers(1, len(PLATFORMS), second.sum())) % len(PLATFORMS)
    cust = np.concatenate([has, has[second]])
    plat = np.concatenate([plat1, plat2])
    is_second = np.concatenate([np.zeros(len(has), bool), np.ones(second.sum(), bool)])
    name = rng.integers(0, len(HANDLE_NAMES), n_customers)[cust]
    order = np.lexsort((is_second, cust))
    n = len(cust)
    followers = np.rint(p.author_followers_median
                        * np.exp(p.author_followers_sigma * rng.standard_normal(n))).astype(np.int64)
    high = rng.random(n) < p.author_high_reach_share
    followers[high] = (10000 * (1.0 + rng.pareto(1.2, high.sum()))).astype(np.int64)
    fnull = rng.random(n) < p.author_followers_null_share
    return {"customer": cust[order], "platform": plat[order], "second": is_second[order],
            "name": name[order], "followers": followers, "followers_null": fnull}


HANDLE_NAMES = ("maria", "john", "li", "fatima", "alex", "sam", "priya", "omar", "emma",
                "lucas", "yuki", "sofia", "noah", "aisha", "david", "chen", "laura", "mateo")


def identity_handles(ident: Frame, cust_width: int) -> pa.Array:
    names = fmt_enum(HANDLE_NAMES, ident["name"])
    num = pc.cast(pa.array(ident["customer"] + 1), pa.string())
    suffix = fmt_enum(("", "_tw", "_fb", "_ig"),
                      np.where(ident["second"], ident["platform"] + 1, 0))
    return pc.binary_join_element_wise("@", names, num, suffix, "")


def gen_social(rng: np.random.Generator, p: GeneratorParams, cust: Frame, ident: Frame,
               n_conv: int, prof: ArrivalProfile) -> tuple[Frame, Frame]:
    """Conversations and posts.  Returns (conversations, posts) before id assignment."""
    start_s, end_s = window_bounds(p)
    n_ident = len(ident["customer"])
    identified = (rng.random(n_conv) < p.social_identified_share) & (n_ident > 0)
    ident_idx = np.full(n_conv, -1)
    if n_ident:
        w = cust["activity"][ident["customer"]] + 0.05
        ident_idx[identified] = rng.choice(n_ident, identified.sum(), p=w / w.sum())
    n_anon_pool = max(5, int(round((~identified).sum() * 0.8)))
    anon_idx = np.where(identified, -1, rng.integers(0, n_anon_pool, n_conv))
    platform = np.where(identified, ident["platform"][np.maximum(ident_idx, 0)] if n_ident else 0,
                        rng.choice(len(PLATFORMS), n_conv, p=mix(p.platform_mix, PLATFORMS)))
    brands = tuple(p.brand_mix)
    brand = rng.choice(len(brands), n_conv, p=mix(p.brand_mix, brands))
    cust_idx = np.where(identified, ident["customer"][np.maximum(ident_idx, 0)] if n_ident else -1, -1)
    lower = np.where(identified, cust["active_from"][np.maximum(cust_idx, 0)], start_s)
    root_t = sample_arrivals(rng, prof, lower)

    posts: dict[str, list[np.ndarray]] = {k: [] for k in
                                          ("conv", "t", "is_brand", "parent", "kind", "seq")}
    counter = [0]

    def add(conv: np.ndarray, t: np.ndarray, is_brand: bool, parent: np.ndarray,
            kind: int) -> np.ndarray:
        local = np.arange(counter[0], counter[0] + len(conv))
        counter[0] += len(conv)
        posts["conv"].append(conv)
        posts["t"].append(t)
        posts["is_brand"].append(np.full(len(conv), is_brand))
        posts["parent"].append(parent)
        posts["kind"].append(np.full(len(conv), kind))
        posts["seq"].append(np.full(len(conv), len(posts["seq"])))
        return local

    allc = np.arange(n_conv)
    root_pid = add(allc, root_t, False, np.full(n_conv, -1), 0)
    answered = rng.random(n_conv) < p.social_answered_share
    double = rng.random(n_conv) < p.social_double_post_share
    dmask = np.flatnonzero(double)
    t2 = root_t[dmask] + lognormal_seconds(rng, p.social_double_post_delay_median_minutes * MINUTE,
                                           0.8, len(dmask))
    add(dmask, t2, False, root_pid[dmask], 1)
    last_cust_t = root_t.copy()
    last_cust_t[dmask] = t2
    amask = np.flatnonzero(answered)
    bt = last_cust_t[amask] + lognormal_seconds(rng, p.brand_reply_delay_median_minutes * MINUTE,
                                                p.brand_reply_delay_sigma, len(amask))
    cur_pid = add(amask, bt, True, root_pid[amask], 2)
    cur_t = bt
    depth_conv = amask
    for _ in range(p.social_max_followup_rounds):
        keep = rng.random(len(depth_conv)) < p.social_followup_share
        depth_conv, cur_pid, cur_t = depth_conv[keep], cur_pid[keep], cur_t[keep]
        ct = cur_t + lognormal_seconds(rng, p.social_followup_delay_median_minutes * MINUTE,
                                       1.0, len(depth_conv))
        cpid = add(depth_conv, ct, False, cur_pid, 3)
        keep = rng.random(len(depth_conv)) < p.social_brand_followup_share
        depth_conv, cpid, ct = depth_conv[keep], cpid[keep], ct[keep]
        bt2 = ct + lognormal_seconds(rng, p.brand_reply_delay_median_minutes * MINUTE,
                                     p.brand_reply_delay_sigma, len(depth_conv))
        cur_pid = add(depth_conv, bt2, True, cpid, 4)
        cur_t = bt2
    post = {k: np.concatenate(v) for k, v in posts.items()}
    post["local_id"] = np.arange(len(post["t"]))
    # truncate at window end (children are always later than parents)
    keep = post["t"] < end_s
    # order by time -> post ids
    idx = np.flatnonzero(keep)
    idx = idx[np.lexsort((post["seq"][idx], post["conv"][idx], post["t"][idx]))]
    new_id = np.full(len(post["t"]), -1)
    new_id[idx] = np.arange(len(idx))
    out = {k: v[idx] for k, v in post.items()}
    out["parent"] = np.where(out["parent"] >= 0, new_id[np.maximum(out["parent"], 0)], -1)
    out["text_kind"] = out["kind"]
    brand_in_conv = np.zeros(n_conv, bool)
    brand_in_conv[out["conv"][out["is_brand"]]] = True
    conv = {"identified": identified, "ident": ident_idx, "anon": anon_idx, "platform": platform,
            "brand": brand, "customer": cust_idx, "root_t": root_t,
            "root_post": new_id[root_pid], "answered": brand_in_conv & (root_t < end_s),
            "in_window": root_t < end_s, "n_anon_pool": np.array([n_anon_pool])}
    return conv, out


def gen_tickets(rng: np.random.Generator, p: GeneratorParams, cust: Frame, conv: Frame,
                n_tickets: int, prof: ArrivalProfile) -> Frame:
    start_s, end_s = window_bounds(p)
    ch_p = mix(p.channel_mix, CHANNELS)
    social_ch = CHANNELS.index("social")
    # social tickets come from identified conversations
    delay = lognormal_seconds(rng, p.social_ticket_delay_median_minutes * MINUTE, 0.8,
                              len(conv["root_t"]))
    cand = np.flatnonzero(conv["identified"] & (conv["root_post"] >= 0)
                          & (conv["root_t"] + delay < end_s - HOUR))
    n_social = min(int(round(n_tickets * ch_p[social_ch])), len(cand))
    soc = np.sort(rng.choice(cand, n_social, replace=False)) if n_social else cand[:0]
    n_other = n_tickets - n_social
    other_p = ch_p.copy()
    other_p[social_ch] = 0
    other_p /= other_p.sum()
    w = cust["activity"] / cust["activity"].sum()
    c_other = rng.choice(len(w), n_other, p=w)
    t_other = sample_arrivals(rng, prof, cust["active_from"][c_other])
    customer = np.concatenate([c_other, conv["customer"][soc]])
    created = np.concatenate([t_other, conv["root_t"][soc] + delay[soc]])
    channel = np.concatenate([rng.choice(len(CHANNELS), n_other, p=other_p),
                              np.full(n_social, social_ch)])
    via_post = np.concatenate([np.full(n_other, -1), conv["root_post"][soc]])
    order = np.argsort(created, kind="stable")
    n = n_tickets
    group = rng.choice(len(GROUPS), n, p=mix(p.group_mix, GROUPS))
    subj_offsets = np.cumsum([0] + [len(TICKET_SUBJECTS[g]) for g in GROUPS])
    subj_len = np.diff(subj_offsets)
    subject = subj_offsets[group] + np.floor(rng.random(n) * subj_len[group]).astype(np.int64)
    return {"customer": customer[order], "created": created[order], "channel": channel[order],
            "via_post": via_post[order],
            "priority": rng.choice(len(PRIORITIES), n, p=mix(p.priority_mix, PRIORITIES)),
            "group": group, "subject": subject}


ALL_SUBJECTS: tuple[str, ...] = tuple(s for g in GROUPS for s in TICKET_SUBJECTS[g])


def gen_ticket_events(rng: np.random.Generator, p: GeneratorParams, tk: Frame,
                      n_agents: int) -> tuple[Frame, Frame]:
    """Simulate each ticket's conversation.  Returns (events, per-ticket facts)."""
    start_s, end_s = window_bounds(p)
    n = len(tk["created"])
    created = tk["created"]
    first_tgt, next_tgt = sla_lookup(p)
    target = first_tgt[tk["priority"], tk["channel"]].astype(np.int64)
    next_target = next_tgt[tk["priority"], tk["channel"]].astype(np.int64)
    agent_created = rng.random(n) < p.agent_created_share
    unanswered = ~agent_created & (rng.random(n) < p.unanswered_ticket_share)
    answered = ~unanswered
    probs = np.asarray(p.followup_round_probs, float)
    rounds = rng.choice(len(probs), n, p=probs / probs.sum())
    reopen = answered & (rng.random(n) < p.reopen_share)

    ev: dict[str, list[np.ndarray]] = {k: [] for k in
                                       ("tix", "t", "actor", "etype", "public", "status", "seq")}

    def add(ix: np.ndarray, t: np.ndarray, actor: np.ndarray | int, etype: int, public: bool,
            status: np.ndarray | int) -> None:
        m = len(ix)
        ev["tix"].append(ix)
        ev["t"].append(np.asarray(t, np.int64))
        ev["actor"].append(np.broadcast_to(np.asarray(actor, np.int8), (m,)).copy())
        ev["etype"].append(np.full(m, etype, np.int8))
        ev["public"].append(np.full(m, public))
        ev["status"].append(np.broadcast_to(np.asarray(status, np.int8), (m,)).copy())
        ev["seq"].append(np.full(m, len(ev["seq"]), np.int16))

    def hold_or_pending(m: int) -> np.ndarray:
        return np.where(rng.random(m) < p.hold_share, HOLD, PENDING).astype(np.int8)

    allx = np.arange(n)
    add(allx, created, SYSTEM, STATUS_CHANGE, False, NEW)
    add(allx, created, np.where(agent_created, AGENT, CUSTOMER), COMMENT, True, NO_STATUS)

    # first agent reply (customer-created, answered tickets)
    ratio = p.first_reply_delay_median_ratio * np.exp(
        p.first_reply_delay_sigma * rng.standard_normal(n))
    fr_delay = np.maximum(np.rint(ratio * target * MINUTE), 60).astype(np.int64)
    cur = np.where(agent_created, created, created + fr_delay)
    ans_cust = np.flatnonzero(answered & ~agent_created)
    note = ans_cust[rng.random(len(ans_cust)) < p.internal_note_share]
    add(note, created[note] + (fr_delay[note] * rng.uniform(0.2, 0.9, len(note))).astype(np.int64),
        AGENT, COMMENT, False, NO_STATUS)
    add(ans_cust, cur[ans_cust], AGENT, COMMENT, True, NO_STATUS)
    ans = np.flatnonzero(answered)
    st = np.where(rounds[ans] == 0, SOLVED, hold_or_pending(len(ans))).astype(np.int8)
    add(ans, cur[ans], AGENT, STATUS_CHANGE, False, st)
    solved_at = np.full(n, -1, np.int64)
    solved_at[ans[rounds[ans] == 0]] = cur[ans[rounds[ans] == 0]]

    for k in range(1, len(probs)):
        ix = ans[rounds[ans] >= k]
        ct = cur[ix] + lognormal_seconds(rng, p.customer_followup_delay_median_minutes * MINUTE,
                                         p.customer_followup_delay_sigma, len(ix))
        add(ix, ct, CUSTOMER, COMMENT, True, NO_STATUS)
        add(ix, ct, SYSTEM, STATUS_CHANGE, False, OPEN)
        ad = lognormal_seconds(rng, p.next_reply_delay_median_ratio * next_target[ix] * MINUTE,
                               p.next_reply_delay_sigma, len(ix))
        at = ct + ad
        nm = rng.random(len(ix)) < p.internal_note_share
        add(ix[nm], ct[nm] + ad[nm] // 2, AGENT, COMMENT, False, NO_STATUS)
        add(ix, at, AGENT, COMMENT, True, NO_STATUS)
        final = rounds[ix] == k
        add(ix, at, AGENT, STATUS_CHANGE, False,
            np.where(final, SOLVED, hold_or_pending(len(ix))).astype(np.int8))
        cur[ix] = at
        solved_at[ix[final]] = at[final]

    first_solved = solved_at.copy()
    ro = np.flatnonzero(reopen)
    rt = solved_at[ro] + lognormal_seconds(rng, p.reopen_delay_median_minutes * MINUTE, 0.8, len(ro))
    add(ro, rt, CUSTOMER, COMMENT, True, NO_STATUS)
    add(ro, rt, SYSTEM, STATUS_CHANGE, False, OPEN)
    ft = rt + lognormal_seconds(rng, p.reopen_fix_delay_median_minutes * MINUTE, 0.9, len(ro))
    add(ro, ft, AGENT, COMMENT, True, NO_STATUS)
    add(ro, ft, AGENT, STATUS_CHANGE, False, SOLVED)
    solved_at[ro] = ft
    lo, hi = p.close_after_solved_days
    add(ans, solved_at[ans] + (rng.uniform(lo, hi, len(ans)) * DAY).astype(np.int64),
        SYSTEM, STATUS_CHANGE, False, CLOSED)

    un = np.flatnonzero(unanswered)
    tri = un[rng.random(len(un)) < p.unanswered_triage_share]
    add(tri, created[tri] + lognormal_seconds(rng, 2 * HOUR, 1.0, len(tri)),
        AGENT, STATUS_CHANGE, False, OPEN)
    bump = un[rng.random(len(un)) < p.unanswered_bump_share]
    add(bump, created[bump] + lognormal_seconds(rng, 36 * HOUR, 0.7, len(bump)),
        CUSTOMER, COMMENT, True, NO_STATUS)

    e = {k: np.concatenate(v) for k, v in ev.items()}
    keep = e["t"] < end_s
    e = {k: v[keep] for k, v in e.items()}
    order = np.lexsort((e["seq"], e["tix"], e["t"]))
    e = {k: v[order] for k, v in e.items()}

    # per-ticket facts derived exactly as a metric would derive them from the data
    has_reply = (answered & ~agent_created) & (created + fr_delay < end_s)
    breached = ~agent_created & np.where(has_reply, fr_delay > target * MINUTE,
                                         created + target * MINUTE < end_s)
    assigned = answered | np.isin(allx, tri)
    assignee = np.where(assigned, rng.integers(0, n_agents, n), -1)
    last_event = group_max(e["tix"], e["t"], n, 0)
    facts = {"agent_created": agent_created, "has_reply": has_reply, "breached": breached,
             "first_solved": np.where((first_solved >= 0) & (first_solved < end_s), first_solved, -1),
             "rounds": rounds, "assignee": assignee, "last_event": last_event,
             "target": target, "reopen": reopen}
    return e, facts


def gen_ticket_surveys(rng: np.random.Generator, p: GeneratorParams, tk: Frame,
                       facts: Frame) -> tuple[Frame, Frame]:
    """CSAT/CES invitations after first solve and their responses."""
    _, end_s = window_bounds(p)
    solved = np.flatnonzero(facts["first_solved"] >= 0)
    kinds = ("csat", "ces", "none")
    kind = rng.choice(3, len(solved), p=mix(p.ticket_survey_mix, kinds))
    sent = facts["first_solved"][solved] + rng.integers(HOUR, DAY, len(solved))
    ok = (kind < 2) & (sent < end_s)
    tix, stype, sent = solved[ok], np.where(kind[ok] == 0, CSAT, CES), sent[ok]
    chan = rng.choice(len(SURVEY_CHANNELS), len(tix),
                      p=mix(p.ticket_survey_channel_mix, SURVEY_CHANNELS))
    inv = {"customer": tk["customer"][tix], "ticket": tix, "type": stype, "channel": chan,
           "sent": sent}
    rate = np.where(stype == CSAT, p.response_rate["csat"], p.response_rate["ces"])
    resp_t = sent + lognormal_seconds(rng, p.response_delay_median_minutes * MINUTE,
                                      p.response_delay_sigma, len(tix))
    r = np.flatnonzero((rng.random(len(tix)) < rate) & (resp_t < end_s))
    breached = facts["breached"][tix[r]]
    good_p = np.where(breached, p.csat_good_share_sla_breached, p.csat_good_share_sla_met)
    good = quota_bernoulli(rng, good_p, breached * 2 + (stype[r] == CSAT))
    csat_score = np.where(good, rng.choice([4, 5], len(r), p=[0.4, 0.6]),
                          rng.choice([1, 2, 3], len(r), p=[0.3, 0.3, 0.4]))
    easy_p = np.clip(p.ces_easy_share_base + p.ces_easy_share_per_round * facts["rounds"][tix[r]],
                     0.05, 0.95)
    easy = rng.random(len(r)) < easy_p
    ces_score = np.where(easy, rng.choice([5, 6, 7], len(r), p=[0.3, 0.4, 0.3]),
                         rng.choice([1, 2, 3, 4], len(r), p=[0.15, 0.25, 0.3, 0.3]))
    resp = {"invitation": r, "customer": inv["customer"][r], "ticket": tix[r],
            "type": stype[r], "score": np.where(stype[r] == CSAT, csat_score, ces_score),
            "responded": resp_t[r]}
    return inv, resp


def customer_flags(p: GeneratorParams, n_customers: int, tk: Frame, facts: Frame,
                   conv: Frame) -> tuple[np.ndarray, np.ndarray]:
    """(breached, has_unanswered_social) per customer, derived from the generated data."""
    breached = np.zeros(n_customers, bool)
    breached[tk["customer"][facts["breached"]]] = True
    unans = np.zeros(n_customers, bool)
    m = conv["identified"] & conv["in_window"] & ~conv["answered"]
    unans[conv["customer"][m]] = True
    return breached, unans


def gen_churn(rng: np.random.Generator, p: GeneratorParams, cust: Frame, breached: np.ndarray,
              unans_social: np.ndarray, has_eligible_ticket: np.ndarray,
              last_activity: np.ndarray) -> np.ndarray:
    """churned_at per customer (-1 = active) from the logistic churn model."""
    _, end_s = window_bounds(p)
    seg_eff = np.array([p.churn_segment_logit[k] for k in SEGMENTS])[cust["segment"]]
    logit = (p.churn_base_logit + np.log(p.sla_breach_churn_odds_ratio) * breached
             + np.log(p.unanswered_social_churn_odds_ratio) * unans_social + seg_eff)
    prob = 1.0 / (1.0 + np.exp(-logit))
    strata = (cust["segment"] * 8 + breached * 4 + unans_social * 2 + has_eligible_ticket)
    churned = quota_bernoulli(rng, prob, strata)
    lo = np.maximum(cust["active_from"], last_activity) + 60
    lo = np.minimum(lo, end_s - 2)
    at = lo + np.floor(rng.random(len(prob)) * (end_s - 1 - lo)).astype(np.int64)
    return np.where(churned, at, -1)


def gen_nps(rng: np.random.Generator, p: GeneratorParams, cust: Frame, churned_at: np.ndarray,
            n_ticket_responses: int) -> tuple[Frame, Frame]:
    """Relationship NPS waves + open-link responses (scores assigned later)."""
    start_s, end_s = window_bounds(p)
    n = len(cust["signup"])
    alive_until = np.where(churned_at >= 0, churned_at, end_s)
    invs: list[tuple[np.ndarray, np.ndarray]] = []
    for d in p.nps_wave_days:  # a handful of waves, each vectorised over customers
        wave = start_s + int(d) * DAY + 14 * HOUR
        elig = np.flatnonzero((cust["signup"] < wave) & (alive_until > wave + 2 * HOUR))
        pick = elig[rng.random(len(elig)) < p.nps_invite_share]
        invs.append((pick, wave + rng.integers(0, 2 * HOUR, len(pick))))
    c = np.concatenate([x for x, _ in invs]) if invs else np.zeros(0, np.int64)
    s = np.concatenate([y for _, y in invs]) if invs else np.zeros(0, np.int64)
    inv = {"customer": c, "ticket": np.full(len(c), -1), "type": np.full(len(c), NPS),
           "channel": rng.choice(len(SURVEY_CHANNELS), len(c),
                                 p=mix(p.nps_channel_mix, SURVEY_CHANNELS)),
           "sent": s}
    rt = s + lognormal_seconds(rng, p.response_delay_median_minutes * MINUTE,
                               p.response_delay_sigma, len(c))
    r = np.flatnonzero((rng.random(len(c)) < p.response_rate["nps"]) & (rt < end_s)
                       & (rt < alive_until[c]))
    n_inv_resp = len(r) + n_ticket_responses
    share = p.open_link_response_share
    n_open = int(round(n_inv_resp * share / (1 - share)))
    lo = cust["active_from"]
    ok = np.flatnonzero(alive_until - lo > DAY)
    oc = rng.choice(ok, n_open) if len(ok) and n_open else np.zeros(0, np.int64)
    ot = lo[oc] + np.floor(rng.random(len(oc)) * (alive_until[oc] - lo[oc] - 60)).astype(np.int64)
    resp = {"invitation": np.concatenate([r, np.full(len(oc), -1)]),
            "customer": np.concatenate([c[r], oc]),
            "responded": np.concatenate([rt[r], ot])}
    return inv, resp


def latest_conversation_before(conv: Frame, customer: np.ndarray, t: np.ndarray) -> np.ndarray:
    """Index of the customer's latest identified conversation with root_t < t (-1 if none)."""
    m = np.flatnonzero(conv["identified"] & conv["in_window"])
    base = int(conv["root_t"].min()) if len(conv["root_t"]) else 0
    shift = np.int64(1) << np.int64(33)
    ck = conv["customer"][m].astype(np.int64) * shift + (conv["root_t"][m] - base + 1)
    order = np.argsort(ck, kind="stable")
    ck, m = ck[order], m[order]
    qk = customer.astype(np.int64) * shift + np.maximum(t - base + 1, 0)
    pos = np.searchsorted(ck, qk, side="left") - 1
    valid = pos >= 0
    posc = np.maximum(pos, 0)
    valid &= (ck[posc] // shift) == customer if len(ck) else np.zeros(len(customer), bool)
    return np.where(valid, m[posc] if len(m) else -1, -1)


def nps_scores(rng: np.random.Generator, p: GeneratorParams, conv: Frame, customer: np.ndarray,
               responded: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """NPS scores following the planted social effect; returns (score, social_state)."""
    ci = latest_conversation_before(conv, customer, responded)
    state = np.where(ci < 0, 0, np.where(conv["answered"][np.maximum(ci, 0)], 1, 2))
    pp = np.array([p.promoter_share_no_social, p.promoter_share_after_answered_social,
                   p.promoter_share_after_unanswered_social])[state]
    n = len(customer)
    promoter = quota_bernoulli(rng, pp, state)
    passive = ~promoter & (rng.random(n) < p.passive_share_of_non_promoters)
    score = np.where(promoter, rng.choice([9, 10], n, p=[0.45, 0.55]),
                     np.where(passive, rng.choice([7, 8], n, p=[0.5, 0.5]),
                              rng.choice(7, n, p=[0.04, 0.03, 0.05, 0.08, 0.12, 0.25, 0.43])))
    return score, state


def response_extras(rng: np.random.Generator, p: GeneratorParams, stype: np.ndarray,
                    score: np.ndarray, responded: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(comment code: -1 none else index into sentiment pools, followed_up_at or -1)."""
    _, end_s = window_bounds(p)
    n = len(score)
    neg = np.select([stype == NPS, stype == CSAT], [score <= 6, score <= 2], score <= 3)
    pos = np.select([stype == NPS, stype == CSAT], [score >= 9, score >= 4], score >= 6)
    sentiment = np.where(pos, 0, np.where(neg, 2, 1))
    has_comment = rng.random(n) < p.comment_share
    pools = (COMMENTS_POSITIVE, COMMENTS_NEUTRAL, COMMENTS_NEGATIVE)
    offs = np.cumsum([0] + [len(x) for x in pools])
    lens = np.diff(offs)
    code = offs[sentiment] + np.floor(rng.random(n) * lens[sentiment]).astype(np.int64)
    code = np.where(has_comment, code, -1)
    fp = np.where(neg, p.followup_share_detractor, p.followup_share_other)
    fu = responded + lognormal_seconds(rng, p.followup_delay_median_hours * HOUR,
                                       p.followup_delay_sigma, n)
    followed = (rng.random(n) < fp) & (fu < end_s)
    return code, np.where(followed, fu, -1)


ALL_COMMENTS: tuple[str, ...] = COMMENTS_POSITIVE + COMMENTS_NEUTRAL + COMMENTS_NEGATIVE


# --------------------------------------------------------------------------
# Orchestration
# --------------------------------------------------------------------------

@dataclass
class GeneratedData:
    tables: dict[str, pa.Table]
    metadata: dict[str, Any]


STREAMS = ("customers", "identities", "social", "tickets", "events", "ticket_surveys",
           "churn", "nps", "text", "bad")


def generate(p: GeneratorParams) -> GeneratedData:
    """Generate every table (as string-typed pyarrow tables) plus metadata."""
    ss = np.random.SeedSequence(p.seed)
    rngs = dict(zip(STREAMS, (np.random.default_rng(s) for s in ss.spawn(len(STREAMS)))))
    start_s, end_s = window_bounds(p)
    n_tickets = int(p.n_tickets)
    n_customers = max(10, int(round(n_tickets * p.customers_per_ticket)))
    n_conv = max(1, int(round(n_tickets * p.social_conversations_per_ticket)))
    n_agents = int(np.clip(round(n_tickets * p.agents_per_ticket), 8, 999))
    hol = us_federal_holidays(dt.date.fromisoformat(p.window_start),
                              dt.date.fromisoformat(p.window_end))
    hol_set = {d for d, _ in hol}
    tprof = arrival_profile(start_s, end_s, p.timezone, hol_set, *ticket_hour_weights())
    sprof = arrival_profile(start_s, end_s, p.timezone, hol_set, *social_hour_weights())

    cust = gen_customers(rngs["customers"], p, n_customers)
    ident = gen_identities(rngs["identities"], p, n_customers)
    conv, posts = gen_social(rngs["social"], p, cust, ident, n_conv, sprof)
    tk = gen_tickets(rngs["tickets"], p, cust, conv, n_tickets, tprof)
    ev, facts = gen_ticket_events(rngs["events"], p, tk, n_agents)
    t_inv, t_resp = gen_ticket_surveys(rngs["ticket_surveys"], p, tk, facts)

    breached, unans = customer_flags(p, n_customers, tk, facts, conv)
    last = group_max(tk["customer"], facts["last_event"], n_customers, 0)
    cposts = ~posts["is_brand"] & conv["identified"][posts["conv"]]
    last = np.maximum(last, group_max(conv["customer"][posts["conv"][cposts]],
                                      posts["t"][cposts], n_customers, 0))
    last = np.maximum(last, group_max(t_resp["customer"], t_resp["responded"], n_customers, 0))
    last = np.maximum(last, group_max(t_inv["customer"], t_inv["sent"], n_customers, 0))
    has_elig = np.zeros(n_customers, bool)
    has_elig[tk["customer"][~facts["agent_created"]]] = True
    churned_at = gen_churn(rngs["churn"], p, cust, breached, unans, has_elig, last)
    n_inv, n_resp = gen_nps(rngs["nps"], p, cust, churned_at, len(t_resp["customer"]))
    nrng = rngs["nps"]
    n_score, n_state = nps_scores(nrng, p, conv, n_resp["customer"], n_resp["responded"])

    # ----- survey tables (invitations: ticket ones first, then NPS) -----
    inv = {k: np.concatenate([t_inv[k], n_inv[k]]) for k in t_inv}
    inv_order = np.lexsort((np.arange(len(inv["sent"])), inv["sent"]))
    inv_rank = np.empty_like(inv_order)
    inv_rank[inv_order] = np.arange(len(inv_order))
    n_tinv = len(t_inv["sent"])
    resp = {
        "invitation": np.concatenate([np.where(t_resp["invitation"] >= 0, t_resp["invitation"], -1),
                                      np.where(n_resp["invitation"] >= 0,
                                               n_resp["invitation"] + n_tinv, -1)]),
        "customer": np.concatenate([t_resp["customer"], n_resp["customer"]]),
        "ticket": np.concatenate([t_resp["ticket"], np.full(len(n_resp["customer"]), -1)]),
        "type": np.concatenate([t_resp["type"], np.full(len(n_resp["customer"]), NPS)]),
        "score": np.concatenate([t_resp["score"], n_score]),
        "responded": np.concatenate([t_resp["responded"], n_resp["responded"]]),
        "social_state": np.concatenate([np.full(len(t_resp["customer"]), -1), n_state]),
    }
    resp["invitation"] = np.where(resp["invitation"] >= 0,
                                  inv_rank[np.maximum(resp["invitation"], 0)], -1)
    resp["comment"], resp["followed"] = response_extras(rngs["text"], p, resp["type"],
                                                        resp["score"], resp["responded"])

    meta_effects = realised_effects(p, n_customers, tk, facts, breached, unans, churned_at,
                                    resp, conv)
    widths = {"C": id_width(6, n_customers + 2), "T": id_width(7, n_tickets + 5),
              "E": id_width(8, len(ev["t"]) + 5), "SI": id_width(7, len(inv["sent"]) + 5),
              "SR": id_width(7, len(resp["responded"]) + 5),
              "P": id_width(7, len(posts["t"]) + 5)}
    ctx = RenderContext(p=p, widths=widths, n_agents=n_agents, cust=cust, churned_at=churned_at,
                        ident=ident, conv=conv, posts=posts, tk=tk, facts=facts, ev=ev, inv=inv,
                        inv_order=inv_order, resp=resp, rng=rngs["text"], bad_rng=rngs["bad"])
    tables, bad_rows = render_all(ctx)
    tables.update(build_static_tables(p))
    tables = {name: tables[name] for name in TABLE_COLUMNS}
    meta = build_metadata(p, tables, bad_rows, meta_effects,
                          {"customers": n_customers, "social_conversations": n_conv,
                           "agents": n_agents})
    return GeneratedData(tables, meta)


def realised_effects(p: GeneratorParams, n_customers: int, tk: Frame, facts: Frame,
                     breached: np.ndarray, unans: np.ndarray, churned_at: np.ndarray,
                     resp: Frame, conv: Frame) -> dict[str, Any]:
    """Effect sizes as realised in this data set (clean rows only)."""
    elig = np.zeros(n_customers, bool)
    elig[tk["customer"][~facts["agent_created"]]] = True
    churned = churned_at >= 0
    b, c = breached[elig], churned[elig]
    tab = [[int((b & c).sum()), int((b & ~c).sum())], [int((~b & c).sum()), int((~b & ~c).sum())]]
    orr = ((tab[0][0] * tab[1][1]) / max(1, tab[0][1] * tab[1][0])) if min(min(tab)) > 0 else None
    nps = resp["type"] == NPS
    prom = resp["score"] >= 9
    shares = {}
    for name, code in (("no_social", 0), ("after_answered_social", 1),
                       ("after_unanswered_social", 2)):
        m = nps & (resp["social_state"] == code)
        shares[name] = {"responses": int(m.sum()),
                        "promoter_share": round(float(prom[m].mean()), 4) if m.any() else None}
    csat = resp["type"] == CSAT
    tb = np.zeros(len(resp["type"]), bool)
    tb[csat] = facts["breached"][resp["ticket"][csat]]
    good = resp["score"] >= 4
    return {
        "customers_with_eligible_ticket": int(elig.sum()),
        "breached_share_of_customers_with_eligible_ticket": round(float(b.mean()), 4) if elig.any() else None,
        "churn_rate_breached": round(float(c[b].mean()), 4) if b.any() else None,
        "churn_rate_not_breached": round(float(c[~b].mean()), 4) if (~b).any() else None,
        "churn_2x2_breached_x_churned": tab,
        "churn_odds_ratio_2x2": round(orr, 4) if orr else None,
        "customers_with_unanswered_social": int(unans.sum()),
        "nps_promoter_share_by_latest_social_conversation": shares,
        "csat_good_share_sla_met": round(float(good[csat & ~tb].mean()), 4) if (csat & ~tb).any() else None,
        "csat_good_share_sla_breached": round(float(good[csat & tb].mean()), 4) if (csat & tb).any() else None,
    }


# --------------------------------------------------------------------------
# Rendering (numeric frames -> string tables) and planted bad rows
# --------------------------------------------------------------------------

@dataclass
class RenderContext:
    p: GeneratorParams
    widths: dict[str, int]
    n_agents: int
    cust: Frame
    churned_at: np.ndarray
    ident: Frame
    conv: Frame
    posts: Frame
    tk: Frame
    facts: Frame
    ev: Frame
    inv: Frame
    inv_order: np.ndarray
    resp: Frame
    rng: np.random.Generator
    bad_rng: np.random.Generator


def _id_str(prefix: str, number: int, width: int) -> str:
    return f"{prefix}{number:0{width}d}"


def _ts_str(t: int) -> str:
    return dt.datetime.fromtimestamp(int(t), tz=dt.timezone.utc).strftime(TS_FORMAT)


def append_rows(table: pa.Table, loaded: np.ndarray, rows: list[dict[str, Any]],
                row_loaded: list[int]) -> pa.Table:
    """Append string rows and re-sort the whole table by load time (stable)."""
    if not rows:
        return table
    extra = pa.Table.from_pylist(rows, schema=table.schema)
    keys = np.concatenate([loaded, np.asarray(row_loaded, np.int64)])
    order = np.argsort(keys, kind="stable")
    return pa.concat_tables([table, extra]).take(pa.array(order))


def sort_by_loaded(cols: dict[str, pa.Array], loaded: np.ndarray) -> tuple[dict[str, pa.Array], np.ndarray]:
    order = np.argsort(loaded, kind="stable")
    if np.all(order[:-1] < order[1:]):
        return cols, loaded
    idx = pa.array(order)
    return {k: v.take(idx) for k, v in cols.items()}, loaded[order]


def _mid_pick(mask: np.ndarray, t: np.ndarray, start_s: int, end_s: int, k: int = 0) -> int:
    """Deterministic pick: the k-th row in `mask` created nearest to mid-window."""
    cand = np.flatnonzero(mask)
    if len(cand) == 0:
        raise ValueError("not enough rows to plant bad rows; increase --tickets")
    mid = (start_s + end_s) // 2
    order = cand[np.argsort(np.abs(t[cand] - mid), kind="stable")]
    return int(order[min(k, len(order) - 1)])


Rendered = tuple[pa.Table, list[dict[str, Any]]]


def render_all(c: RenderContext) -> tuple[dict[str, pa.Table], list[dict[str, Any]]]:
    """Render every non-static table; returns the tables and the planted bad-row list."""
    w = c.widths
    cust_ids = fmt_ids("C", np.arange(1, len(c.cust["signup"]) + 1), w["C"])
    handles = identity_handles(c.ident, w["C"])
    ticket_ids = fmt_ids("T", np.arange(1, len(c.tk["created"]) + 1), w["T"])
    steps: dict[str, Callable[[], Rendered]] = {
        "customers": lambda: render_customers(c, cust_ids),
        "customer_identities": lambda: render_identities(c, cust_ids, handles),
        "social_posts": lambda: render_social_posts(c, handles),
        "tickets": lambda: render_tickets(c, cust_ids, ticket_ids),
        "ticket_events": lambda: render_ticket_events(c, ticket_ids),
        "survey_invitations": lambda: render_invitations(c, cust_ids, ticket_ids),
        "survey_responses": lambda: render_responses(c, cust_ids, ticket_ids),
    }
    tables: dict[str, pa.Table] = {}
    bad: list[dict[str, Any]] = []
    for name, step in steps.items():
        tables[name], rows = step()
        bad += rows
    return tables, bad


def render_customers(c: RenderContext, cust_ids: pa.Array) -> Rendered:
    p, w = c.p, c.widths
    start_s, _ = window_bounds(p)
    n_c = len(c.cust["signup"])
    churned = c.churned_at >= 0
    loaded = load_batch(np.where(churned, c.churned_at, c.cust["signup"]), p)
    cols = {"customer_id": cust_ids,
            "segment": fmt_enum(SEGMENTS, c.cust["segment"]),
            "region": fmt_enum(REGIONS, c.cust["region"]),
            "signup_at": fmt_ts(c.cust["signup"]),
            "churned_at": fmt_ts(np.maximum(c.churned_at, 0), mask=~churned),
            "annual_revenue": fmt_money(c.cust["revenue"]),
            "email": pc.binary_join_element_wise(pc.utf8_lower(cust_ids), "@example.com", ""),
            "is_incentivized": fmt_bool(c.cust["incentivized"]),
            "_loaded_at": fmt_ts(loaded)}
    cols, loaded = sort_by_loaded(cols, loaded)
    t = to_table("customers", cols)
    bad_c = _id_str("C", n_c + 1, w["C"])
    signup = start_s + 150 * DAY + 11 * HOUR
    t = append_rows(t, loaded, [{
        "customer_id": bad_c, "segment": "smb", "region": "amer", "signup_at": _ts_str(signup),
        "churned_at": _ts_str(signup - 30 * DAY), "annual_revenue": "4200.00",
        "email": bad_c.lower() + "@example.com", "is_incentivized": "false",
        "_loaded_at": _ts_str(int(load_batch(np.array([signup]), p)[0]))}],
        [int(load_batch(np.array([signup]), p)[0])])
    return t, [{"table": "customers", "key": bad_c, "rule": "timestamp_out_of_order",
                "column": "churned_at", "note": "churned_at is 30 days before signup_at; "
                "customer has no tickets, identities, posts or survey rows"}]


def render_identities(c: RenderContext, cust_ids: pa.Array, handles: pa.Array) -> Rendered:
    ident_loaded = load_batch(c.cust["signup"][c.ident["customer"]], c.p)
    cols = {"platform": fmt_enum(PLATFORMS, c.ident["platform"]), "handle": handles,
            "customer_id": cust_ids.take(pa.array(c.ident["customer"])),
            "_loaded_at": fmt_ts(ident_loaded)}
    cols, _ = sort_by_loaded(cols, ident_loaded)
    return to_table("customer_identities", cols), []


def render_social_posts(c: RenderContext, handles: pa.Array) -> Rendered:
    p, w = c.p, c.widths
    start_s, _ = window_bounds(p)
    ps, cv = c.posts, c.conv
    n_p = len(ps["t"])
    post_ids = fmt_ids("P", np.arange(1, n_p + 1), w["P"])
    conv_of = ps["conv"]
    anon_handles = fmt_ids("@guest", np.arange(1, int(cv["n_anon_pool"][0]) + 1), 5)
    brands = tuple(p.brand_mix)
    brand_handles = pa.array(["@" + b for b in brands])
    ident_of = cv["ident"][conv_of]
    cust_handle = pc.if_else(pa.array(ident_of >= 0),
                             handles.take(pa.array(np.maximum(ident_of, 0))) if len(handles)
                             else pa.nulls(n_p, pa.string()),
                             anon_handles.take(pa.array(np.maximum(cv["anon"][conv_of], 0))))
    pbrand = cv["brand"][conv_of]
    author = pc.if_else(pa.array(ps["is_brand"]), brand_handles.take(pa.array(pbrand)), cust_handle)
    fol_c = np.where(ident_of >= 0, c.ident["followers"][np.maximum(ident_of, 0)]
                     if len(handles) else 0,
                     50 + (cv["anon"][conv_of] * 7919) % 900)
    fol_null = np.where(ident_of >= 0, c.ident["followers_null"][np.maximum(ident_of, 0)]
                        if len(handles) else False, False) & ~ps["is_brand"]
    fol_b = np.array([p.brand_followers[b] for b in brands])[pbrand]
    followers = np.where(ps["is_brand"], fol_b, fol_c)
    rng = c.rng
    kind = ps["kind"]
    text_root = pc.binary_join_element_wise(pc.binary_join_element_wise(
        "@", fmt_enum(brands, pbrand), ""), pick_text(rng, SOCIAL_ROOT, n_p), " ")
    parent_author = author.take(pa.array(np.maximum(ps["parent"], 0)))
    text_brand = pc.binary_join_element_wise(parent_author, pick_text(rng, SOCIAL_BRAND_REPLY, n_p), " ")
    # customer follow-ups are happy or not; the brand's answer to them matches
    happy = rng.random(n_p) < 0.6
    parent_happy = happy[np.maximum(ps["parent"], 0)]
    text_cfu = pc.if_else(pa.array(happy), pick_text(rng, SOCIAL_CUSTOMER_FOLLOWUP_OK, n_p),
                          pick_text(rng, SOCIAL_CUSTOMER_FOLLOWUP_BAD, n_p))
    text_bfu = pc.binary_join_element_wise(
        parent_author, pc.if_else(pa.array(parent_happy),
                                  pick_text(rng, SOCIAL_BRAND_FOLLOWUP_OK, n_p),
                                  pick_text(rng, SOCIAL_BRAND_FOLLOWUP_BAD, n_p)), " ")
    text = pc.case_when(
        pc.make_struct(pa.array(kind == 0), pa.array(kind == 1), pa.array(kind == 2),
                       pa.array(kind == 3)),
        text_root, pick_text(rng, SOCIAL_BUMP, n_p), text_brand, text_cfu, text_bfu)
    p_loaded = load_batch(ps["t"], p)
    cols = {"post_id": post_ids, "platform": fmt_enum(PLATFORMS, cv["platform"][conv_of]),
            "brand": fmt_enum(brands, pbrand), "author_handle": author,
            "author_is_brand": fmt_bool(ps["is_brand"]), "created_at": fmt_ts(ps["t"]),
            "text": text,
            "in_reply_to_post_id": fmt_ids("P", ps["parent"] + 1, w["P"], mask=ps["parent"] < 0),
            "author_followers": fmt_int(followers, mask=fol_null),
            "_loaded_at": fmt_ts(p_loaded)}
    t = to_table("social_posts", cols)
    self_id = _id_str("P", n_p + 1, w["P"])
    st = start_s + 200 * DAY + 15 * HOUR + 7 * MINUTE
    sl = int(load_batch(np.array([st]), p)[0])
    t = append_rows(t, p_loaded, [{
        "post_id": self_id, "platform": "twitter", "brand": brands[0],
        "author_handle": "@guest99999", "author_is_brand": "false", "created_at": _ts_str(st),
        "text": f"@{brands[0]} replying to myself because nobody else will",
        "in_reply_to_post_id": self_id, "author_followers": "42", "_loaded_at": _ts_str(sl)}], [sl])
    return t, [{"table": "social_posts", "key": self_id, "rule": "self_reference",
                "column": "in_reply_to_post_id",
                "note": "anonymous author (not in customer_identities); in_reply_to_post_id = post_id"}]


def render_tickets(c: RenderContext, cust_ids: pa.Array, ticket_ids: pa.Array) -> Rendered:
    p, w = c.p, c.widths
    start_s, end_s = window_bounds(p)
    tk, f = c.tk, c.facts
    n_t, n_c = len(tk["created"]), len(c.cust["signup"])
    bad: list[dict[str, Any]] = []
    t_loaded = load_batch(tk["created"], p)
    cols = {"ticket_id": ticket_ids,
            "customer_id": cust_ids.take(pa.array(tk["customer"])),
            "channel": fmt_enum(CHANNELS, tk["channel"]),
            "priority": fmt_enum(PRIORITIES, tk["priority"]),
            "created_at": fmt_ts(tk["created"]),
            "subject": fmt_enum(ALL_SUBJECTS, tk["subject"]),
            "assignee_id": fmt_ids("A", f["assignee"] + 1, 3, mask=f["assignee"] < 0),
            "group_name": fmt_enum(GROUPS, tk["group"]),
            "via_social_post_id": fmt_ids("P", tk["via_post"] + 1, w["P"], mask=tk["via_post"] < 0),
            "_loaded_at": fmt_ts(t_loaded)}
    t = to_table("tickets", cols)
    email = CHANNELS.index("email")
    answered_email = (tk["channel"] == email) & f["has_reply"] & (tk["created"] < end_s - 30 * DAY)
    dup = _mid_pick(answered_email, tk["created"], start_s, end_s, 0)
    dup_row = t.slice(dup, 1).to_pylist()[0]
    dup_row["subject"] = dup_row["subject"] + " (follow-up)"
    dup_loaded = int(t_loaded[dup]) + DAY
    dup_row["_loaded_at"] = _ts_str(dup_loaded)
    rows, row_loaded = [dup_row], [dup_loaded]
    bad.append({"table": "tickets", "key": dup_row["ticket_id"], "rule": "duplicate_key",
                "column": "ticket_id",
                "note": "two rows; the EARLIER _loaded_at copy is rejected, the later copy "
                        "(subject ending ' (follow-up)') is kept; the ticket has normal events"})
    some_c = _id_str("C", 1 + _mid_pick(np.ones(n_c, bool), c.cust["signup"], 0, 2 * start_s, 0),
                     w["C"])
    base_t = start_s + 120 * DAY + 14 * HOUR
    specs = [
        (None, some_c, "email", _ts_str(base_t), "null_key", "ticket_id",
         "ticket_id is empty"),
        (_id_str("T", n_t + 1, w["T"]), some_c, "web", "not-a-date", "unparseable_value",
         "created_at", "created_at = 'not-a-date'"),
        (_id_str("T", n_t + 2, w["T"]), some_c, "pigeon", _ts_str(base_t + 2 * DAY),
         "unknown_enum", "channel", "channel = 'pigeon'"),
        (_id_str("T", n_t + 3, w["T"]), "C" + "9" * w["C"], "email", _ts_str(base_t + 3 * DAY),
         "orphan_reference", "customer_id", "customer_id does not exist in customers"),
    ]
    for i, (tid, cid, ch, created, rule, col, note) in enumerate(specs):
        lt = int(load_batch(np.array([base_t + i * DAY]), p)[0])
        rows.append({"ticket_id": tid, "customer_id": cid, "channel": ch, "priority": "normal",
                     "created_at": created, "subject": "Cannot log in to my account",
                     "assignee_id": None, "group_name": "technical", "via_social_post_id": None,
                     "_loaded_at": _ts_str(lt)})
        row_loaded.append(lt)
        bad.append({"table": "tickets", "key": tid, "rule": rule, "column": col,
                    "note": note + "; no ticket_events"})
    return append_rows(t, t_loaded, rows, row_loaded), bad


def render_ticket_events(c: RenderContext, ticket_ids: pa.Array) -> Rendered:
    p, w = c.p, c.widths
    start_s, end_s = window_bounds(p)
    tk, f, ev = c.tk, c.facts, c.ev
    email = CHANNELS.index("email")
    bad: list[dict[str, Any]] = []
    n_e = len(ev["t"])
    e_loaded = load_batch(ev["t"], p)
    cols = {"event_id": fmt_ids("E", np.arange(1, n_e + 1), w["E"]),
            "ticket_id": ticket_ids.take(pa.array(ev["tix"])),
            "event_at": fmt_ts(ev["t"]),
            "actor_type": fmt_enum(ACTORS, ev["actor"]),
            "event_type": fmt_enum(EVENT_TYPES, ev["etype"]),
            "is_public": fmt_bool(ev["public"]),
            "status": fmt_enum(STATUSES, ev["status"]),
            "_loaded_at": fmt_ts(e_loaded)}
    t = to_table("ticket_events", cols)
    ok = f["has_reply"] & (tk["created"] < end_s - 30 * DAY) & (tk["channel"] != email)
    x1 = _mid_pick(ok, tk["created"], start_s, end_s, 0)
    x2 = _mid_pick(ok, tk["created"], start_s, end_s, 1)
    rows, row_loaded = [], []
    for j, (tix, t_ev, etype, rule, col, note) in enumerate([
            (x1, int(tk["created"][x1]) - 2 * HOUR, "comment", "timestamp_out_of_order", "event_at",
             "customer comment 2 hours before its ticket's created_at"),
            (x2, int(tk["created"][x2]) + 5 * MINUTE, "tweet", "unknown_enum", "event_type",
             "event_type = 'tweet' (actor customer)")]):
        eid = _id_str("E", n_e + 1 + j, w["E"])
        lt = int(load_batch(np.array([int(tk["created"][tix]) + 5 * MINUTE]), p)[0])
        rows.append({"event_id": eid, "ticket_id": _id_str("T", tix + 1, w["T"]),
                     "event_at": _ts_str(t_ev), "actor_type": "customer", "event_type": etype,
                     "is_public": "true", "status": None, "_loaded_at": _ts_str(lt)})
        row_loaded.append(lt)
        bad.append({"table": "ticket_events", "key": eid, "rule": rule, "column": col,
                    "note": note + f"; ticket {_id_str('T', tix + 1, w['T'])} is otherwise clean"})
    return append_rows(t, e_loaded, rows, row_loaded), bad


def render_invitations(c: RenderContext, cust_ids: pa.Array, ticket_ids: pa.Array) -> Rendered:
    """Rows in sent order = id order."""
    p, w = c.p, c.widths
    n_t = len(c.tk["created"])
    inv, order = c.inv, c.inv_order
    n_i = len(order)
    inv_ids = fmt_ids("SI", np.arange(1, n_i + 1), w["SI"])
    it = inv["ticket"][order]
    i_loaded = load_batch(inv["sent"][order], p)
    cols = {"invitation_id": inv_ids,
            "customer_id": cust_ids.take(pa.array(inv["customer"][order])),
            "ticket_id": ticket_ids.take(pa.array(np.maximum(it, 0), mask=it < 0))
            if n_t else pa.nulls(n_i, pa.string()),
            "survey_type": fmt_enum(SURVEY_TYPES, inv["type"][order]),
            "channel": fmt_enum(SURVEY_CHANNELS, inv["channel"][order]),
            "sent_at": fmt_ts(inv["sent"][order]),
            "_loaded_at": fmt_ts(i_loaded)}
    return to_table("survey_invitations", cols), []


def render_responses(c: RenderContext, cust_ids: pa.Array, ticket_ids: pa.Array) -> Rendered:
    """Ids in responded order, rows in load order (after any follow-up)."""
    p, w = c.p, c.widths
    start_s, end_s = window_bounds(p)
    n_t = len(c.tk["created"])
    inv, order = c.inv, c.inv_order
    n_i = len(order)
    bad: list[dict[str, Any]] = []
    r = c.resp
    ro = np.lexsort((np.arange(len(r["responded"])), r["responded"]))
    rr = {k: v[ro] for k, v in r.items()}
    n_r = len(ro)
    followed = rr["followed"] >= 0
    r_loaded = load_batch(np.maximum(rr["responded"], rr["followed"]), p)
    cols = {"response_id": fmt_ids("SR", np.arange(1, n_r + 1), w["SR"]),
            "invitation_id": fmt_ids("SI", rr["invitation"] + 1, w["SI"], mask=rr["invitation"] < 0),
            "customer_id": cust_ids.take(pa.array(rr["customer"])),
            "ticket_id": ticket_ids.take(pa.array(np.maximum(rr["ticket"], 0), mask=rr["ticket"] < 0))
            if n_t else pa.nulls(n_r, pa.string()),
            "survey_type": fmt_enum(SURVEY_TYPES, rr["type"]),
            "score": fmt_int(rr["score"]),
            "comment": fmt_enum(ALL_COMMENTS, rr["comment"]),
            "responded_at": fmt_ts(rr["responded"]),
            "followed_up_at": fmt_ts(np.maximum(rr["followed"], 0), mask=~followed),
            "_loaded_at": fmt_ts(r_loaded)}
    cols, r_loaded = sort_by_loaded(cols, r_loaded)
    t = to_table("survey_responses", cols)
    responded_inv = np.zeros(n_i, bool)
    responded_inv[rr["invitation"][rr["invitation"] >= 0]] = True
    inv_sent = inv["sent"][order]
    inv_type = inv["type"][order]
    rows, row_loaded = [], []
    for j, (stype, score, rule, note) in enumerate([
            (NPS, "11", "out_of_range", "NPS score 11 (valid range 0-10)"),
            (CSAT, "five", "unparseable_value", "CSAT score 'five' is not an integer")]):
        cand = ~responded_inv & (inv_type == stype) & (inv_sent < end_s - 7 * DAY)
        k = _mid_pick(cand, inv_sent, start_s, end_s, 0)
        rt = int(inv_sent[k]) + 3 * HOUR
        lt = int(load_batch(np.array([rt]), p)[0])
        rid = _id_str("SR", n_r + 1 + j, w["SR"])
        tix = int(inv["ticket"][order][k])
        rows.append({"response_id": rid, "invitation_id": _id_str("SI", k + 1, w["SI"]),
                     "customer_id": _id_str("C", int(inv["customer"][order][k]) + 1, w["C"]),
                     "ticket_id": _id_str("T", tix + 1, w["T"]) if tix >= 0 else None,
                     "survey_type": SURVEY_TYPES[stype], "score": score, "comment": None,
                     "responded_at": _ts_str(rt), "followed_up_at": None,
                     "_loaded_at": _ts_str(lt)})
        row_loaded.append(lt)
        bad.append({"table": "survey_responses", "key": rid, "rule": rule, "column": "score",
                    "note": note + f"; answers invitation {_id_str('SI', k + 1, w['SI'])} "
                                   "which has no other response"})
    return append_rows(t, r_loaded, rows, row_loaded), bad


# --------------------------------------------------------------------------
# Metadata and output
# --------------------------------------------------------------------------

def planted_effects_doc(p: GeneratorParams) -> list[dict[str, Any]]:
    return [
        {"name": "sla_breach_churn",
         "parameter": "sla_breach_churn_odds_ratio", "value": p.sla_breach_churn_odds_ratio,
         "direction": "first-reply SLA breach -> higher churn odds",
         "model": "logit(P(churn)) = churn_base_logit + ln(sla_breach_churn_odds_ratio)*breached "
                  "+ ln(unanswered_social_churn_odds_ratio)*has_unanswered_social "
                  "+ churn_segment_logit[segment]",
         "measurement": "Eligible ticket: first comment (earliest comment event) by actor_type "
                        "customer. first_reply_at = earliest ticket_events row with "
                        "actor_type='agent', event_type='comment', is_public=true. Breached when "
                        "(first_reply_at - created_at) in CALENDAR minutes (epoch seconds / 60, "
                        "no business hours) > sla_policies.first_reply_target_minutes for the "
                        "ticket's (priority, channel); a ticket with no public agent reply is "
                        "breached when created_at + target < window end (window_end + 1 day, "
                        "00:00:00). Customer breached = any breached eligible ticket. Churned = "
                        "churned_at not null. Odds ratio of a 2x2 table (breached x churned) over "
                        "customers with >=1 eligible ticket ~= 2.0 (marginal OR is slightly "
                        "attenuated by the small segment/social terms; realised value below)."},
        {"name": "unanswered_social_nps",
         "parameters": {"promoter_share_after_answered_social": p.promoter_share_after_answered_social,
                        "promoter_share_after_unanswered_social": p.promoter_share_after_unanswered_social,
                        "promoter_share_no_social": p.promoter_share_no_social},
         "direction": "brand reply to the customer's latest social conversation -> more promoters",
         "measurement": "Conversation = root social_posts row (in_reply_to_post_id null) plus its "
                        "reply tree; linked to a customer via customer_identities (platform, "
                        "handle = author_handle). Answered = the tree contains >=1 post with "
                        "author_is_brand=true. For each NPS response take the customer's latest "
                        "conversation whose root created_at < responded_at: answered -> share of "
                        "scores 9-10 ~= 0.71, unanswered -> ~= 0.19, none -> ~= 0.45. Open-link "
                        "NPS responses (invitation_id null) follow the same rule."},
        {"name": "unanswered_social_churn",
         "parameter": "unanswered_social_churn_odds_ratio",
         "value": p.unanswered_social_churn_odds_ratio,
         "measurement": "has_unanswered_social = customer has >=1 linked conversation with no "
                        "brand post; enters the churn logit above."},
        {"name": "sla_csat",
         "parameters": {"csat_good_share_sla_met": p.csat_good_share_sla_met,
                        "csat_good_share_sla_breached": p.csat_good_share_sla_breached},
         "direction": "ticket answered within the first-reply SLA -> higher CSAT",
         "measurement": "CSAT (survey_type csat, one invitation per solved ticket, sent 1-24 h "
                        "after the first 'solved' status) share of scores 4-5 by the ticket's "
                        "breached flag (definition above; agent-created tickets count as met)."},
        {"name": "ces_rounds",
         "parameters": {"ces_easy_share_base": p.ces_easy_share_base,
                        "ces_easy_share_per_round": p.ces_easy_share_per_round},
         "measurement": "CES (1-7, higher = easier) share of 5-7 falls with the number of "
                        "customer follow-up rounds on the ticket."},
    ]


def build_metadata(p: GeneratorParams, tables: dict[str, pa.Table], bad_rows: list[dict[str, Any]],
                   realised: dict[str, Any], sizes: dict[str, int]) -> dict[str, Any]:
    start_s, end_s = window_bounds(p)
    return {
        "generator": "cx_metrics.generate",
        "seed": p.seed,
        "params": asdict(p),
        "data_window": {"start": _ts_str(start_s), "end_exclusive": _ts_str(end_s)},
        "derived_sizes": sizes,
        "row_counts": {name: tables[name].num_rows for name in TABLE_COLUMNS},
        "tables": {name: list(cols) for name, cols in TABLE_COLUMNS.items()},
        "formats": {"timestamp": "YYYY-MM-DD HH:MM:SS (UTC)", "date": "YYYY-MM-DD",
                    "time": "HH:MM:SS", "boolean": "true/false", "null": "empty field",
                    "parquet": "same string values as the CSVs; every column is utf8",
                    "_loaded_at": f"next load batch after the row's latest timestamp (every "
                                  f"{p.load_batch_hours} h at :{p.load_batch_offset_minutes:02d}); "
                                  "rows are in load order; static tables loaded at "
                                  f"{p.static_tables_loaded_at}"},
        "conventions": {
            "sla_time": "planted SLA effect uses CALENDAR minutes",
            "agent_created_tickets": "first comment by an agent; excluded from first-reply SLA",
            "internal_notes": "agent comments with is_public=false are not replies",
            "ces_scale": "1-7, higher = easier",
            "outcome_draws": "churn, NPS promoter and CSAT good are stratified (quota) draws: "
                             "each model cell gets exactly its expected number of positives",
            "nps_waves": "relationship NPS sent on window_start + nps_wave_days (14:00-16:00 UTC)",
            "churn_timing": "churned_at is uniform between the customer's last ticket event, "
                            "social post, ticket-survey invitation or response and the window "
                            "end (so it is skewed late); no NPS is sent or answered after "
                            "churned_at",
        },
        "planted_effects": planted_effects_doc(p),
        "realised_effects": realised,
        "planted_bad_rows": bad_rows,
    }


def write_output(data: GeneratedData, out_dir: str | Path, fmt: str = "csv") -> list[Path]:
    """Write <out>/<table>.csv|parquet for every table and <out>/generator_params.json."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name, table in data.tables.items():
        path = out / f"{name}.{fmt}"
        if fmt == "csv":
            write_csv(table, path)
        elif fmt == "parquet":
            import pyarrow.parquet as pq
            pq.write_table(table, path, compression="zstd")
        else:
            raise ValueError(f"unknown format {fmt!r}")
        written.append(path)
    meta_path = out / "generator_params.json"
    meta_path.write_text(json.dumps(data.metadata, indent=2, sort_keys=False) + "\n")
    written.append(meta_path)
    return written


def write_csv(table: pa.Table, path: Path) -> None:
    """Standard CSV: header, comma, minimal quoting, null = empty field, '\\n' line ends."""
    df = table.to_pandas()
    df.to_csv(path, index=False, na_rep="", lineterminator="\n")


def run(seed: int = 42, tickets: int = 2000, out: str | Path = "seeds", fmt: str = "csv",
        **overrides: Any) -> GeneratedData:
    params = GeneratorParams(seed=seed, n_tickets=tickets, **overrides)
    data = generate(params)
    write_output(data, out, fmt)
    return data
