"""The reference tables: SLA policies (priority x channel), business hours and holidays."""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from cx_metrics.generate.contract import CHANNELS, PRIORITIES
from cx_metrics.generate.formatting import format_bool, format_enum, format_int, format_timestamps, to_table
from cx_metrics.generate.parameters import GeneratorParams
from cx_metrics.generate.timeline import epoch, window_holidays

WEEKDAYS = 5  # business hours Monday (1) .. Friday (5)


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
    """sla_policies, business_hours and holidays, all loaded at static_tables_loaded_at."""
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
    business_hours = {
        "day_of_week": format_int(np.arange(1, WEEKDAYS + 1)),
        "start_time": pa.array([params.business_day_start] * WEEKDAYS),
        "end_time": pa.array([params.business_day_end] * WEEKDAYS),
        "timezone": pa.array([params.timezone] * WEEKDAYS),
        "_loaded_at": format_timestamps(np.full(WEEKDAYS, loaded)),
    }
    holiday_list = window_holidays(params)
    holidays = {
        "holiday_date": pa.array([day.isoformat() for day, _ in holiday_list], type=pa.string()),
        "holiday_name": pa.array([name for _, name in holiday_list], type=pa.string()),
        "_loaded_at": format_timestamps(np.full(len(holiday_list), loaded)),
    }
    return {"sla_policies": to_table("sla_policies", sla_policies),
            "business_hours": to_table("business_hours", business_hours),
            "holidays": to_table("holidays", holidays)}
