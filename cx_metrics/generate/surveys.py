"""Simulation of the survey tool export: CSAT / CES invitations after a solved ticket,
relationship NPS waves plus open-link NPS responses, and their scores, comments and follow-ups.
"""

from __future__ import annotations

import numpy as np

from cx_metrics.generate.contract import CES, CSAT, DAY, HOUR, MINUTE, NPS, SURVEY_CHANNELS
from cx_metrics.generate.parameters import GeneratorParams
from cx_metrics.generate.sampling import lognormal_seconds, mix, quota_bernoulli
from cx_metrics.generate.texts import COMMENTS_NEGATIVE, COMMENTS_NEUTRAL, COMMENTS_POSITIVE
from cx_metrics.generate.timeline import window_bounds

Frame = dict[str, np.ndarray]

# social state of an NPS respondent: their latest conversation before responding
NO_SOCIAL, ANSWERED_SOCIAL, UNANSWERED_SOCIAL = 0, 1, 2


def simulate_ticket_surveys(rng: np.random.Generator, params: GeneratorParams, tickets: Frame,
                            ticket_facts: Frame) -> tuple[Frame, Frame]:
    """CSAT/CES invitations after first solve and their responses."""
    _, end_s = window_bounds(params)
    solved = np.flatnonzero(ticket_facts["first_solved"] >= 0)
    survey_kinds = ("csat", "ces", "none")
    kind = rng.choice(3, len(solved), p=mix(params.ticket_survey_mix, survey_kinds))
    sent = ticket_facts["first_solved"][solved] + rng.integers(HOUR, DAY, len(solved))
    invited = (kind < 2) & (sent < end_s)
    ticket, survey_type, sent = solved[invited], np.where(kind[invited] == 0, CSAT, CES), sent[invited]
    channel = rng.choice(len(SURVEY_CHANNELS), len(ticket),
                         p=mix(params.ticket_survey_channel_mix, SURVEY_CHANNELS))
    invitations = {"customer": tickets["customer"][ticket], "ticket": ticket, "type": survey_type,
                   "channel": channel, "sent": sent}
    rate = np.where(survey_type == CSAT, params.response_rate["csat"], params.response_rate["ces"])
    responded_at = sent + lognormal_seconds(rng, params.response_delay_median_minutes * MINUTE,
                                            params.response_delay_sigma, len(ticket))
    answered = np.flatnonzero((rng.random(len(ticket)) < rate) & (responded_at < end_s))
    breached = ticket_facts["breached"][ticket[answered]]
    good_share = np.where(breached, params.csat_good_share_sla_breached, params.csat_good_share_sla_met)
    good = quota_bernoulli(rng, good_share, breached * 2 + (survey_type[answered] == CSAT))
    n_answers = len(answered)
    csat_score = np.where(good, rng.choice([4, 5], n_answers, p=[0.4, 0.6]),
                          rng.choice([1, 2, 3], n_answers, p=[0.3, 0.3, 0.4]))
    easy_share = np.clip(params.ces_easy_share_base
                         + params.ces_easy_share_per_round * ticket_facts["rounds"][ticket[answered]],
                         0.05, 0.95)
    easy = rng.random(n_answers) < easy_share
    ces_score = np.where(easy, rng.choice([5, 6, 7], n_answers, p=[0.3, 0.4, 0.3]),
                         rng.choice([1, 2, 3, 4], n_answers, p=[0.15, 0.25, 0.3, 0.3]))
    responses = {"invitation": answered, "customer": invitations["customer"][answered],
                 "ticket": ticket[answered], "type": survey_type[answered],
                 "score": np.where(survey_type[answered] == CSAT, csat_score, ces_score),
                 "responded": responded_at[answered]}
    return invitations, responses


def simulate_nps(rng: np.random.Generator, params: GeneratorParams, customers: Frame,
                 churned_at: np.ndarray, n_ticket_responses: int) -> tuple[Frame, Frame]:
    """Relationship NPS waves + open-link responses (scores are drawn by :func:`nps_scores`)."""
    start_s, end_s = window_bounds(params)
    alive_until = np.where(churned_at >= 0, churned_at, end_s)
    waves: list[tuple[np.ndarray, np.ndarray]] = []
    for wave_day in params.nps_wave_days:  # a handful of waves, each vectorised over customers
        wave_at = start_s + int(wave_day) * DAY + 14 * HOUR
        eligible = np.flatnonzero((customers["signup"] < wave_at) & (alive_until > wave_at + 2 * HOUR))
        invited = eligible[rng.random(len(eligible)) < params.nps_invite_share]
        waves.append((invited, wave_at + rng.integers(0, 2 * HOUR, len(invited))))
    customer = np.concatenate([c for c, _ in waves]) if waves else np.zeros(0, np.int64)
    sent = np.concatenate([s for _, s in waves]) if waves else np.zeros(0, np.int64)
    invitations = {"customer": customer, "ticket": np.full(len(customer), -1),
                   "type": np.full(len(customer), NPS),
                   "channel": rng.choice(len(SURVEY_CHANNELS), len(customer),
                                         p=mix(params.nps_channel_mix, SURVEY_CHANNELS)),
                   "sent": sent}
    responded_at = sent + lognormal_seconds(rng, params.response_delay_median_minutes * MINUTE,
                                            params.response_delay_sigma, len(customer))
    answered = np.flatnonzero((rng.random(len(customer)) < params.response_rate["nps"])
                              & (responded_at < end_s) & (responded_at < alive_until[customer]))
    n_invited_responses = len(answered) + n_ticket_responses
    open_share = params.open_link_response_share
    n_open = int(round(n_invited_responses * open_share / (1 - open_share)))
    active_from = customers["active_from"]
    can_answer = np.flatnonzero(alive_until - active_from > DAY)
    open_customer = (rng.choice(can_answer, n_open) if len(can_answer) and n_open
                     else np.zeros(0, np.int64))
    open_at = active_from[open_customer] + np.floor(
        rng.random(len(open_customer))
        * (alive_until[open_customer] - active_from[open_customer] - 60)).astype(np.int64)
    responses = {"invitation": np.concatenate([answered, np.full(len(open_customer), -1)]),
                 "customer": np.concatenate([customer[answered], open_customer]),
                 "responded": np.concatenate([responded_at[answered], open_at])}
    return invitations, responses


def latest_conversation_before(conversations: Frame, customer: np.ndarray, at: np.ndarray) -> np.ndarray:
    """Index of the customer's latest identified conversation with root_at < at (-1 if none)."""
    candidates = np.flatnonzero(conversations["identified"] & conversations["in_window"])
    base = int(conversations["root_at"].min()) if len(conversations["root_at"]) else 0
    shift = np.int64(1) << np.int64(33)  # key = customer * 2**33 + seconds since base
    keys = (conversations["customer"][candidates].astype(np.int64) * shift
            + (conversations["root_at"][candidates] - base + 1))
    order = np.argsort(keys, kind="stable")
    keys, candidates = keys[order], candidates[order]
    query = customer.astype(np.int64) * shift + np.maximum(at - base + 1, 0)
    position = np.searchsorted(keys, query, side="left") - 1
    found = position >= 0
    position = np.maximum(position, 0)
    found &= (keys[position] // shift) == customer if len(keys) else np.zeros(len(customer), bool)
    return np.where(found, candidates[position] if len(candidates) else -1, -1)


def nps_scores(rng: np.random.Generator, params: GeneratorParams, conversations: Frame,
               customer: np.ndarray, responded: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """NPS scores following the planted social effect; returns (score, social_state)."""
    conversation = latest_conversation_before(conversations, customer, responded)
    state = np.where(conversation < 0, NO_SOCIAL,
                     np.where(conversations["answered"][np.maximum(conversation, 0)],
                              ANSWERED_SOCIAL, UNANSWERED_SOCIAL))
    promoter_share = np.array([params.promoter_share_no_social, params.promoter_share_after_answered_social,
                               params.promoter_share_after_unanswered_social])[state]
    n = len(customer)
    promoter = quota_bernoulli(rng, promoter_share, state)
    passive = ~promoter & (rng.random(n) < params.passive_share_of_non_promoters)
    score = np.where(promoter, rng.choice([9, 10], n, p=[0.45, 0.55]),
                     np.where(passive, rng.choice([7, 8], n, p=[0.5, 0.5]),
                              rng.choice(7, n, p=[0.04, 0.03, 0.05, 0.08, 0.12, 0.25, 0.43])))
    return score, state


def response_extras(rng: np.random.Generator, params: GeneratorParams, survey_type: np.ndarray,
                    score: np.ndarray, responded: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(comment code: -1 none else index into texts.ALL_COMMENTS, followed_up_at or -1)."""
    _, end_s = window_bounds(params)
    n = len(score)
    negative = np.select([survey_type == NPS, survey_type == CSAT], [score <= 6, score <= 2], score <= 3)
    positive = np.select([survey_type == NPS, survey_type == CSAT], [score >= 9, score >= 4], score >= 6)
    sentiment = np.where(positive, 0, np.where(negative, 2, 1))
    has_comment = rng.random(n) < params.comment_share
    pools = (COMMENTS_POSITIVE, COMMENTS_NEUTRAL, COMMENTS_NEGATIVE)
    pool_offsets = np.cumsum([0] + [len(pool) for pool in pools])
    pool_sizes = np.diff(pool_offsets)
    comment = pool_offsets[sentiment] + np.floor(rng.random(n) * pool_sizes[sentiment]).astype(np.int64)
    comment = np.where(has_comment, comment, -1)
    followup_share = np.where(negative, params.followup_share_detractor, params.followup_share_other)
    followup_at = responded + lognormal_seconds(rng, params.followup_delay_median_hours * HOUR,
                                                params.followup_delay_sigma, n)
    followed = (rng.random(n) < followup_share) & (followup_at < end_s)
    return comment, np.where(followed, followup_at, -1)
