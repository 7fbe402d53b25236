"""Simulation of the help-desk export: tickets and each ticket's conversation (ticket events).

A ticket is created by the customer (or, for a few, by an agent), gets a first agent reply
(unless it stays unanswered), goes through rounds of customer follow-up and agent reply, is
solved, maybe reopened and solved again, and closed a few days later. Social tickets are opened
from an identified customer's social conversation.
"""

from __future__ import annotations

import numpy as np

from cx_metrics.generate.contract import (
    AGENT,
    CHANNELS,
    CLOSED,
    COMMENT,
    CUSTOMER,
    DAY,
    GROUPS,
    HOLD,
    HOUR,
    MINUTE,
    NEW,
    NO_STATUS,
    OPEN,
    PENDING,
    PRIORITIES,
    SOLVED,
    STATUS_CHANGE,
    SYSTEM,
)
from cx_metrics.generate.parameters import GeneratorParams
from cx_metrics.generate.sampling import group_max, lognormal_seconds, mix
from cx_metrics.generate.static_tables import sla_lookup
from cx_metrics.generate.texts import TICKET_SUBJECTS
from cx_metrics.generate.timeline import ArrivalProfile, sample_arrivals, window_bounds

Frame = dict[str, np.ndarray]


def simulate_tickets(rng: np.random.Generator, params: GeneratorParams, customers: Frame,
                     conversations: Frame, n_tickets: int, profile: ArrivalProfile) -> Frame:
    """Tickets in created order: customer, created, channel, social post, priority, group, subject."""
    _, end_s = window_bounds(params)
    channel_shares = mix(params.channel_mix, CHANNELS)
    social_channel = CHANNELS.index("social")
    # social tickets come from identified conversations
    delay = lognormal_seconds(rng, params.social_ticket_delay_median_minutes * MINUTE, 0.8,
                              len(conversations["root_at"]))
    candidates = np.flatnonzero(conversations["identified"] & (conversations["root_post"] >= 0)
                                & (conversations["root_at"] + delay < end_s - HOUR))
    n_social = min(int(round(n_tickets * channel_shares[social_channel])), len(candidates))
    social = np.sort(rng.choice(candidates, n_social, replace=False)) if n_social else candidates[:0]
    n_other = n_tickets - n_social
    other_channel_shares = channel_shares.copy()
    other_channel_shares[social_channel] = 0
    other_channel_shares /= other_channel_shares.sum()
    activity_weights = customers["activity"] / customers["activity"].sum()
    other_customer = rng.choice(len(activity_weights), n_other, p=activity_weights)
    other_created = sample_arrivals(rng, profile, customers["active_from"][other_customer])
    customer = np.concatenate([other_customer, conversations["customer"][social]])
    created = np.concatenate([other_created, conversations["root_at"][social] + delay[social]])
    channel = np.concatenate([rng.choice(len(CHANNELS), n_other, p=other_channel_shares),
                              np.full(n_social, social_channel)])
    via_post = np.concatenate([np.full(n_other, -1), conversations["root_post"][social]])
    order = np.argsort(created, kind="stable")
    group = rng.choice(len(GROUPS), n_tickets, p=mix(params.group_mix, GROUPS))
    subject_offsets = np.cumsum([0] + [len(TICKET_SUBJECTS[g]) for g in GROUPS])
    subjects_in_group = np.diff(subject_offsets)
    subject = (subject_offsets[group]
               + np.floor(rng.random(n_tickets) * subjects_in_group[group]).astype(np.int64))
    priority = rng.choice(len(PRIORITIES), n_tickets, p=mix(params.priority_mix, PRIORITIES))
    return {"customer": customer[order], "created": created[order], "channel": channel[order],
            "via_post": via_post[order], "priority": priority, "group": group, "subject": subject}


class EventLog:
    """Ticket events appended batch by batch; `seq` (the batch number) breaks ties in time order."""

    def __init__(self) -> None:
        self.columns: dict[str, list[np.ndarray]] = {
            key: [] for key in ("ticket", "at", "actor", "event_type", "public", "status", "seq")}

    def add(self, ticket: np.ndarray, at: np.ndarray, actor: np.ndarray | int, event_type: int,
            public: bool, status: np.ndarray | int) -> None:
        n = len(ticket)
        self.columns["ticket"].append(ticket)
        self.columns["at"].append(np.asarray(at, np.int64))
        self.columns["actor"].append(np.broadcast_to(np.asarray(actor, np.int8), (n,)).copy())
        self.columns["event_type"].append(np.full(n, event_type, np.int8))
        self.columns["public"].append(np.full(n, public))
        self.columns["status"].append(np.broadcast_to(np.asarray(status, np.int8), (n,)).copy())
        self.columns["seq"].append(np.full(n, len(self.columns["seq"]), np.int16))

    def frame(self, end_s: int) -> Frame:
        """Events before `end_s`, in time order (then ticket, then batch)."""
        events = {key: np.concatenate(batches) for key, batches in self.columns.items()}
        in_window = events["at"] < end_s
        events = {key: values[in_window] for key, values in events.items()}
        order = np.lexsort((events["seq"], events["ticket"], events["at"]))
        return {key: values[order] for key, values in events.items()}


def simulate_ticket_events(rng: np.random.Generator, params: GeneratorParams, tickets: Frame,
                           n_agents: int) -> tuple[Frame, Frame]:
    """Simulate each ticket's conversation.  Returns (events, per-ticket facts)."""
    _, end_s = window_bounds(params)
    n = len(tickets["created"])
    created = tickets["created"]
    first_reply_targets, next_reply_targets = sla_lookup(params)
    target = first_reply_targets[tickets["priority"], tickets["channel"]].astype(np.int64)
    next_target = next_reply_targets[tickets["priority"], tickets["channel"]].astype(np.int64)
    agent_created = rng.random(n) < params.agent_created_share
    unanswered = ~agent_created & (rng.random(n) < params.unanswered_ticket_share)
    answered = ~unanswered
    round_probs = np.asarray(params.followup_round_probs, float)
    rounds = rng.choice(len(round_probs), n, p=round_probs / round_probs.sum())
    reopened = answered & (rng.random(n) < params.reopen_share)

    log = EventLog()

    def hold_or_pending(m: int) -> np.ndarray:
        return np.where(rng.random(m) < params.hold_share, HOLD, PENDING).astype(np.int8)

    every_ticket = np.arange(n)
    log.add(every_ticket, created, SYSTEM, STATUS_CHANGE, False, NEW)
    log.add(every_ticket, created, np.where(agent_created, AGENT, CUSTOMER), COMMENT, True, NO_STATUS)

    # first agent reply (customer-created, answered tickets)
    ratio = params.first_reply_delay_median_ratio * np.exp(
        params.first_reply_delay_sigma * rng.standard_normal(n))
    first_reply_delay = np.maximum(np.rint(ratio * target * MINUTE), 60).astype(np.int64)
    last_reply_at = np.where(agent_created, created, created + first_reply_delay)
    answered_customer_created = np.flatnonzero(answered & ~agent_created)
    noted = answered_customer_created[rng.random(len(answered_customer_created)) < params.internal_note_share]
    log.add(noted, created[noted]
            + (first_reply_delay[noted] * rng.uniform(0.2, 0.9, len(noted))).astype(np.int64),
            AGENT, COMMENT, False, NO_STATUS)
    log.add(answered_customer_created, last_reply_at[answered_customer_created], AGENT, COMMENT, True,
            NO_STATUS)
    answered_tickets = np.flatnonzero(answered)
    status = np.where(rounds[answered_tickets] == 0, SOLVED,
                      hold_or_pending(len(answered_tickets))).astype(np.int8)
    log.add(answered_tickets, last_reply_at[answered_tickets], AGENT, STATUS_CHANGE, False, status)
    solved_at = np.full(n, -1, np.int64)
    solved_now = answered_tickets[rounds[answered_tickets] == 0]
    solved_at[solved_now] = last_reply_at[solved_now]

    # rounds of customer follow-up and agent reply
    for round_number in range(1, len(round_probs)):
        in_round = answered_tickets[rounds[answered_tickets] >= round_number]
        followup_at = last_reply_at[in_round] + lognormal_seconds(
            rng, params.customer_followup_delay_median_minutes * MINUTE,
            params.customer_followup_delay_sigma, len(in_round))
        log.add(in_round, followup_at, CUSTOMER, COMMENT, True, NO_STATUS)
        log.add(in_round, followup_at, SYSTEM, STATUS_CHANGE, False, OPEN)
        reply_delay = lognormal_seconds(rng, params.next_reply_delay_median_ratio * next_target[in_round] * MINUTE,
                                        params.next_reply_delay_sigma, len(in_round))
        reply_at = followup_at + reply_delay
        note = rng.random(len(in_round)) < params.internal_note_share
        log.add(in_round[note], followup_at[note] + reply_delay[note] // 2, AGENT, COMMENT, False, NO_STATUS)
        log.add(in_round, reply_at, AGENT, COMMENT, True, NO_STATUS)
        last_round = rounds[in_round] == round_number
        log.add(in_round, reply_at, AGENT, STATUS_CHANGE, False,
                np.where(last_round, SOLVED, hold_or_pending(len(in_round))).astype(np.int8))
        last_reply_at[in_round] = reply_at
        solved_at[in_round[last_round]] = reply_at[last_round]

    # reopen, solve again, close
    first_solved = solved_at.copy()
    reopen = np.flatnonzero(reopened)
    reopen_at = solved_at[reopen] + lognormal_seconds(
        rng, params.reopen_delay_median_minutes * MINUTE, 0.8, len(reopen))
    log.add(reopen, reopen_at, CUSTOMER, COMMENT, True, NO_STATUS)
    log.add(reopen, reopen_at, SYSTEM, STATUS_CHANGE, False, OPEN)
    fixed_at = reopen_at + lognormal_seconds(rng, params.reopen_fix_delay_median_minutes * MINUTE, 0.9,
                                             len(reopen))
    log.add(reopen, fixed_at, AGENT, COMMENT, True, NO_STATUS)
    log.add(reopen, fixed_at, AGENT, STATUS_CHANGE, False, SOLVED)
    solved_at[reopen] = fixed_at
    close_min_days, close_max_days = params.close_after_solved_days
    log.add(answered_tickets, solved_at[answered_tickets]
            + (rng.uniform(close_min_days, close_max_days, len(answered_tickets)) * DAY).astype(np.int64),
            SYSTEM, STATUS_CHANGE, False, CLOSED)

    # unanswered tickets: some are triaged (opened by an agent), some bumped by the customer
    unanswered_tickets = np.flatnonzero(unanswered)
    triaged = unanswered_tickets[rng.random(len(unanswered_tickets)) < params.unanswered_triage_share]
    log.add(triaged, created[triaged] + lognormal_seconds(rng, 2 * HOUR, 1.0, len(triaged)),
            AGENT, STATUS_CHANGE, False, OPEN)
    bumped = unanswered_tickets[rng.random(len(unanswered_tickets)) < params.unanswered_bump_share]
    log.add(bumped, created[bumped] + lognormal_seconds(rng, 36 * HOUR, 0.7, len(bumped)),
            CUSTOMER, COMMENT, True, NO_STATUS)

    events = log.frame(end_s)

    # per-ticket facts derived exactly as a metric would derive them from the data
    has_reply = (answered & ~agent_created) & (created + first_reply_delay < end_s)
    breached = ~agent_created & np.where(has_reply, first_reply_delay > target * MINUTE,
                                         created + target * MINUTE < end_s)
    assigned = answered | np.isin(every_ticket, triaged)
    assignee = np.where(assigned, rng.integers(0, n_agents, n), -1)
    facts = {"agent_created": agent_created, "has_reply": has_reply, "breached": breached,
             "first_solved": np.where((first_solved >= 0) & (first_solved < end_s), first_solved, -1),
             "rounds": rounds, "assignee": assignee, "last_event": group_max(events["ticket"], events["at"], n, 0),
             "target": target, "reopen": reopened}
    return events, facts
