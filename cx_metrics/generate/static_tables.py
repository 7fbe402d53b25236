"""The reference tables: SLA policies (priority x channel), schedules with their business hours
and holidays, and the targets of the per-ticket SLA policies."""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from cx_metrics.generate.contract import CHANNELS, PRIORITIES
from cx_metrics.generate.formatting import format_bool, format_enum, format_int, format_timestamps, to_table
from cx_metrics.generate.parameters import GeneratorParams
from cx_metrics.generate.schedules import build_schedule_tables
from cx_metrics.generate.ticket_policies import render_policy_targets
from cx_metrics.generate.timeline import epoch


def sla_policy_matrix(params: GeneratorParams) -> dict[str, np.ndarray]:
    """One row per priority x channel, row order = PRIORITIES x CHANNELS; targets in minutes."""
    priority = np.repeat(np.arange(len(PRIORITIES)), len(CHANNELS))
    channel = np.tile(np.arange(len(CHANNELS)), len(PRIORITIES))
    first_base = np.array([params.sla_first_reply_base_minutes[k] for k in PRIORITIES], dtype=float)
    first_factor = np.array([params.sla_channel_factor[k] for k in CHANNELS], dtype=float)
    resolution_base = np.array([params.sla_resolution_base_minutes[k] for k in PRIORITIES], dtype=float)
    resolution_factor = np.array([params.sla_resolution_channel_factor[k] for k in CHANNELS], dtype=float)
    first_reply = np.maximum(5, np.rint(first_base[priority] * first_factor[channel])).astype(np.int64)
    next_reply = np.rint(first_reply * params.sla_next_reply_factor).astype(np.int64)
    resolution = np.maximum(first_reply * 2,
                            np.rint(resolution_base[priority] * resolution_factor[channel])).astype(np.int64)
    return {"priority": priority, "channel": channel, "first": first_reply, "next": next_reply,
            "resolution": resolution, "in_business_hours": priority != PRIORITIES.index("urgent")}


def sla_lookup(params: GeneratorParams) -> tuple[np.ndarray, np.ndarray]:
    """(first_reply_target, next_reply_target) minutes indexed [priority, channel]."""
    matrix = sla_policy_matrix(params)
    shape = (len(PRIORITIES), len(CHANNELS))
    return matrix["first"].reshape(shape), matrix["next"].reshape(shape)


def build_static_tables(params: GeneratorParams) -> dict[str, pa.Table]:
    """sla_policies, schedules, business_hours, holidays and sla_policy_targets, all loaded at
    static_tables_loaded_at (the schedule tables: schedules.py; the policy targets:
    ticket_policies.py)."""
    loaded = epoch(params.static_tables_loaded_at)
    matrix = sla_policy_matrix(params)
    n_policies = len(matrix["priority"])
    sla_policies = {
        "priority": format_enum(PRIORITIES, matrix["priority"]),
        "channel": format_enum(CHANNELS, matrix["channel"]),
        "first_reply_target_minutes": format_int(matrix["first"]),
        "next_reply_target_minutes": format_int(matrix["next"]),
        "resolution_target_minutes": format_int(matrix["resolution"]),
        "in_business_hours": format_bool(matrix["in_business_hours"]),
        "_loaded_at": format_timestamps(np.full(n_policies, loaded)),
    }
    return {"sla_policies": to_table("sla_policies", sla_policies),
            **build_schedule_tables(params, loaded),
            "sla_policy_targets": render_policy_targets(params, loaded)}
