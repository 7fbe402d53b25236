"""Per-ticket SLA policies (contract v2): the policies' targets (sla_policy_targets) and the
policies applied to tickets (ticket_sla_policies).

Policies: ``enterprise`` (business-hours targets) and ``premium`` (calendar targets, for the 24/7
schedule), one target per priority and metric (first_reply, next_reply, resolution;
``params.sla_policy_*``; next reply = first reply x ``params.sla_next_reply_factor``).

Applied: ``enterprise`` to the tickets of enterprise customers at creation, ``premium`` to
escalated tickets when they move to the 24/7 schedule (schedules.py); for
``params.sla_policy_reapply_share`` of them the policy in force is applied again later (between
its last application and the ticket's last event, as Zendesk re-applies on updates). The policy
in force is the latest applied.

Keeping the planted SLA effect: a policy is applied to a ticket only when its first-reply target
gives the same CALENDAR breach verdict as the (priority, channel) target of sla_policies (the
verdict the planted churn effect is drawn from; an unanswered ticket either breached both targets
a day before the window end or neither by then; agent-created tickets have no first-reply SLA).
So the first-reply breach of every ticket, and the planted effect, read the same whichever of
the two targets a model measures it by.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from cx_metrics.generate.contract import DAY, MINUTE, PRIORITIES, SEGMENTS, SLA_METRICS
from cx_metrics.generate.formatting import format_bool, format_enum, format_int, format_timestamps, to_table
from cx_metrics.generate.parameters import GeneratorParams
from cx_metrics.generate.timeline import window_bounds

Frame = dict[str, np.ndarray]

POLICIES = ("enterprise", "premium")
ENTERPRISE, PREMIUM = 0, 1


def policy_targets(params: GeneratorParams) -> Frame:
    """One row per policy x priority x metric (in that order): target minutes, business hours."""
    policy = np.repeat(np.arange(len(POLICIES)), len(PRIORITIES) * len(SLA_METRICS))
    priority = np.tile(np.repeat(np.arange(len(PRIORITIES)), len(SLA_METRICS)), len(POLICIES))
    metric = np.tile(np.arange(len(SLA_METRICS)), len(POLICIES) * len(PRIORITIES))
    first = np.array([[params.sla_policy_first_reply_minutes[p][k] for k in PRIORITIES] for p in POLICIES])
    resolution = np.array([[params.sla_policy_resolution_minutes[p][k] for k in PRIORITIES] for p in POLICIES])
    by_metric = np.stack([first, np.rint(first * params.sla_next_reply_factor), resolution])
    return {"policy": policy, "priority": priority, "metric": metric,
            "target": by_metric[metric, policy, priority].astype(np.int64),
            "in_business_hours": np.array([bool(params.sla_policy_in_business_hours[p])
                                           for p in POLICIES])[policy]}


def first_reply_target(params: GeneratorParams, policy: np.ndarray, priority: np.ndarray) -> np.ndarray:
    """First-reply target minutes of (policy, priority) pairs."""
    first = np.array([[params.sla_policy_first_reply_minutes[p][k] for k in PRIORITIES] for p in POLICIES])
    return first[policy, priority]


def simulate_ticket_policies(rng: np.random.Generator, params: GeneratorParams, customers: Frame,
                             tickets: Frame, ticket_facts: Frame, first_reply_at: np.ndarray,
                             escalated_at: np.ndarray) -> Frame:
    """ticket_sla_policies rows (ticket, policy code, applied_at), by ticket and time."""
    _, end_s = window_bounds(params)
    created, last_event = tickets["created"], ticket_facts["last_event"]
    n = len(created)
    reapply_draw, reapply_moment = rng.random(n), rng.random(n)
    enterprise = customers["segment"][tickets["customer"]] == SEGMENTS.index("enterprise")
    escalated = escalated_at >= 0
    in_force = np.where(escalated, PREMIUM, ENTERPRISE)
    policy_target = first_reply_target(params, in_force, tickets["priority"]) * MINUTE
    rule_target = ticket_facts["target"] * MINUTE
    answered = first_reply_at >= 0
    same_verdict = np.where(
        answered,
        (first_reply_at - created > policy_target) == (first_reply_at - created > rule_target),
        ((created + policy_target < end_s - DAY) & (created + rule_target < end_s - DAY))
        | ((created + policy_target >= end_s) & (created + rule_target >= end_s)))
    has_policy = (enterprise | escalated) & (ticket_facts["agent_created"] | same_verdict)

    at_creation = np.flatnonzero(has_policy & enterprise)
    at_escalation = np.flatnonzero(has_policy & escalated)
    last_applied = np.where(escalated, escalated_at, created)
    reapplied = np.flatnonzero(has_policy & (reapply_draw < params.sla_policy_reapply_share)
                               & (last_event - last_applied >= 2))
    reapplied_at = last_applied[reapplied] + np.maximum(
        1, np.floor(reapply_moment[reapplied] * (last_event - last_applied)[reapplied]).astype(np.int64))
    rows = {"ticket": np.concatenate([at_creation, at_escalation, reapplied]),
            "policy": np.concatenate([np.full(len(at_creation), ENTERPRISE), np.full(len(at_escalation), PREMIUM),
                                      in_force[reapplied]]),
            "applied_at": np.concatenate([created[at_creation], escalated_at[at_escalation], reapplied_at])}
    order = np.lexsort((rows["applied_at"], rows["ticket"]))
    return {key: values[order] for key, values in rows.items()}


def render_policy_targets(params: GeneratorParams, loaded: int) -> pa.Table:
    targets = policy_targets(params)
    return to_table("sla_policy_targets", {
        "policy_id": format_enum(POLICIES, targets["policy"]),
        "priority": format_enum(PRIORITIES, targets["priority"]),
        "metric": format_enum(SLA_METRICS, targets["metric"]),
        "target_minutes": format_int(targets["target"]),
        "in_business_hours": format_bool(targets["in_business_hours"]),
        "_loaded_at": format_timestamps(np.full(len(targets["policy"]), loaded))})
