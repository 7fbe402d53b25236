"""Simulation of the customers, their social identities and their churn.

A simulated frame is a dict of equally long numpy arrays (codes and epoch seconds); the
rendering step turns them into the string tables.
"""

from __future__ import annotations

import numpy as np

from cx_metrics.generate.contract import DAY, PLATFORMS, REGIONS, SEGMENTS
from cx_metrics.generate.parameters import GeneratorParams
from cx_metrics.generate.sampling import mix, quota_bernoulli
from cx_metrics.generate.texts import HANDLE_NAMES
from cx_metrics.generate.timeline import epoch, window_bounds

Frame = dict[str, np.ndarray]


def simulate_customers(rng: np.random.Generator, params: GeneratorParams, n: int) -> Frame:
    """Segment, region, signup, revenue and activity (expected contact rate) per customer,
    in signup order (the customer ids follow this order)."""
    start_s, end_s = window_bounds(params)
    history_start_s = epoch(params.customer_history_start)
    segment = rng.choice(len(SEGMENTS), n, p=mix(params.segment_mix, SEGMENTS))
    region = rng.choice(len(REGIONS), n, p=mix(params.region_mix, REGIONS))
    signed_up_before_window = rng.random(n) < params.signup_before_window_share
    signup = np.where(signed_up_before_window, rng.integers(history_start_s, start_s, n),
                      rng.integers(start_s, end_s - 14 * DAY, n))
    order = np.argsort(signup, kind="stable")  # ids in signup order
    segment, region, signup = segment[order], region[order], signup[order]
    median_revenue = np.array([params.annual_revenue_median[k] for k in SEGMENTS])[segment]
    revenue = median_revenue * np.exp(params.annual_revenue_sigma * rng.standard_normal(n))
    active_from = np.maximum(signup, start_s)
    exposure = (end_s - active_from) / (end_s - start_s)
    segment_multiplier = np.array([params.activity_segment_multiplier[k] for k in SEGMENTS])[segment]
    activity = rng.gamma(params.activity_gamma_shape, 1.0, n) * segment_multiplier * exposure
    return {"segment": segment, "region": region, "signup": signup, "revenue": np.round(revenue, 2),
            "incentivized": rng.random(n) < params.incentivized_share,
            "activity": activity, "active_from": active_from}


def simulate_identities(rng: np.random.Generator, params: GeneratorParams, n_customers: int) -> Frame:
    """Identity rows: customer index, platform code, second-identity flag, handle name code and
    follower count (the handle text is built when rendering)."""
    with_identity = np.flatnonzero(rng.random(n_customers) < params.identity_share)
    first_platform = rng.choice(len(PLATFORMS), len(with_identity), p=mix(params.platform_mix, PLATFORMS))
    has_second = rng.random(len(with_identity)) < params.second_identity_share
    second_platform = ((first_platform[has_second] + rng.integers(1, len(PLATFORMS), has_second.sum()))
                       % len(PLATFORMS))
    customer = np.concatenate([with_identity, with_identity[has_second]])
    platform = np.concatenate([first_platform, second_platform])
    is_second = np.concatenate([np.zeros(len(with_identity), bool), np.ones(has_second.sum(), bool)])
    name = rng.integers(0, len(HANDLE_NAMES), n_customers)[customer]
    order = np.lexsort((is_second, customer))
    n = len(customer)
    followers = np.rint(params.author_followers_median
                        * np.exp(params.author_followers_sigma * rng.standard_normal(n))).astype(np.int64)
    high_reach = rng.random(n) < params.author_high_reach_share
    followers[high_reach] = (10000 * (1.0 + rng.pareto(1.2, high_reach.sum()))).astype(np.int64)
    followers_null = rng.random(n) < params.author_followers_null_share
    return {"customer": customer[order], "platform": platform[order], "second": is_second[order],
            "name": name[order], "followers": followers, "followers_null": followers_null}


def customer_flags(n_customers: int, tickets: Frame, ticket_facts: Frame,
                   conversations: Frame) -> tuple[np.ndarray, np.ndarray]:
    """(breached, has_unanswered_social) per customer, derived from the generated data."""
    breached = np.zeros(n_customers, bool)
    breached[tickets["customer"][ticket_facts["breached"]]] = True
    unanswered_social = np.zeros(n_customers, bool)
    unanswered = conversations["identified"] & conversations["in_window"] & ~conversations["answered"]
    unanswered_social[conversations["customer"][unanswered]] = True
    return breached, unanswered_social


def simulate_churn(rng: np.random.Generator, params: GeneratorParams, customers: Frame,
                   breached: np.ndarray, unanswered_social: np.ndarray, has_eligible_ticket: np.ndarray,
                   last_activity: np.ndarray) -> np.ndarray:
    """churned_at per customer (-1 = active) from the logistic churn model."""
    _, end_s = window_bounds(params)
    segment_logit = np.array([params.churn_segment_logit[k] for k in SEGMENTS])[customers["segment"]]
    logit = (params.churn_base_logit + np.log(params.sla_breach_churn_odds_ratio) * breached
             + np.log(params.unanswered_social_churn_odds_ratio) * unanswered_social + segment_logit)
    prob = 1.0 / (1.0 + np.exp(-logit))
    strata = (customers["segment"] * 8 + breached * 4 + unanswered_social * 2 + has_eligible_ticket)
    churned = quota_bernoulli(rng, prob, strata)
    earliest = np.maximum(customers["active_from"], last_activity) + 60
    earliest = np.minimum(earliest, end_s - 2)
    churned_at = earliest + np.floor(rng.random(len(prob)) * (end_s - 1 - earliest)).astype(np.int64)
    return np.where(churned, churned_at, -1)
