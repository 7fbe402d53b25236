"""Every knob of the demo data generator, in one frozen dataclass.

The whole object is dumped verbatim to ``generator_params.json`` (``params``), so a data set can
always be regenerated from its params file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


def per_key(**shares: float) -> Any:
    """A dict-valued dataclass field (a mix, or a value per key) with these defaults."""
    return field(default_factory=lambda: dict(shares))


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
    segment_mix: dict = per_key(smb=0.6, mid_market=0.3, enterprise=0.1)
    region_mix: dict = per_key(amer=0.5, emea=0.3, apac=0.2)
    signup_before_window_share: float = 0.65
    annual_revenue_median: dict = per_key(smb=6000.0, mid_market=60000.0, enterprise=600000.0)
    annual_revenue_sigma: float = 0.6
    incentivized_share: float = 0.03
    activity_gamma_shape: float = 1.5
    activity_segment_multiplier: dict = per_key(smb=1.0, mid_market=1.5, enterprise=2.5)
    # identities / social
    identity_share: float = 0.40
    second_identity_share: float = 0.10
    platform_mix: dict = per_key(twitter=0.55, facebook=0.25, instagram=0.20)
    brand_mix: dict = per_key(acmebank=0.35, acmeair=0.25, acmetel=0.25, acmeshop=0.15)
    brand_followers: dict = per_key(acmebank=250000, acmeair=410000, acmetel=180000, acmeshop=95000)
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
    channel_mix: dict = per_key(email=0.40, chat=0.20, phone=0.15, web=0.15, social=0.10)
    priority_mix: dict = per_key(low=0.20, normal=0.55, high=0.18, urgent=0.07)
    group_mix: dict = per_key(billing=0.30, technical=0.30, account=0.15, shipping=0.15, general=0.10)
    # SLA policies: first reply = base[priority] * factor[channel]
    sla_first_reply_base_minutes: dict = per_key(urgent=60, high=240, normal=480, low=1440)
    sla_channel_factor: dict = per_key(email=1.0, chat=0.25, phone=0.25, web=1.0, social=0.5)
    sla_next_reply_factor: float = 1.5
    sla_resolution_base_minutes: dict = per_key(urgent=480, high=1440, normal=2880, low=5760)
    sla_resolution_channel_factor: dict = per_key(email=1.0, chat=0.5, phone=0.5, web=1.0, social=1.0)
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
    churn_segment_logit: dict = per_key(smb=0.1, mid_market=0.0, enterprise=-0.1)
    # surveys
    nps_wave_days: tuple = (45, 136, 227, 318)
    nps_invite_share: float = 0.6
    response_rate: dict = per_key(nps=0.28, csat=0.33, ces=0.25)
    ticket_survey_mix: dict = per_key(csat=0.70, ces=0.15, none=0.15)
    nps_channel_mix: dict = per_key(email=0.6, web=0.0, in_app=0.25, sms=0.15)
    ticket_survey_channel_mix: dict = per_key(email=0.7, web=0.15, in_app=0.10, sms=0.05)
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
    # contract v2 (schedules, agents, assignments, per-ticket SLA policies; see schedules.py,
    # agents.py, ticket_policies.py). contract_version 1 writes the v1 tables only, byte-identical
    # to what the generator wrote before v2.
    contract_version: int = 2
    # a ticket's schedule at creation: its customer's region's, the enterprise one for enterprise
    # customers; the default schedule (id 'default', the business hours above) has no rows
    schedule_by_region: dict = per_key(amer="default", emea="emea_business", apac="apac_business")
    enterprise_schedule: str = "premium_24x7"
    # share of tickets of a priority escalated to the enterprise (24/7) schedule mid-life
    schedule_escalation_share: dict = per_key(urgent=0.5, high=0.15)
    # assignments: handoffs from a first agent (another group for some) to the current assignee
    handoff_share: float = 0.15
    cross_group_handoff_share: float = 0.5
    admin_share: float = 0.1
    inactive_agent_share: float = 0.1
    # per-ticket SLA policies: enterprise customers' tickets and escalated tickets
    sla_policy_first_reply_minutes: dict = per_key(
        enterprise={"urgent": 30, "high": 120, "normal": 240, "low": 480},
        premium={"urgent": 30, "high": 60, "normal": 120, "low": 240})
    sla_policy_resolution_minutes: dict = per_key(
        enterprise={"urgent": 240, "high": 960, "normal": 1920, "low": 3840},
        premium={"urgent": 240, "high": 480, "normal": 960, "low": 1920})
    sla_policy_in_business_hours: dict = per_key(enterprise=True, premium=False)
    sla_policy_reapply_share: float = 0.2
