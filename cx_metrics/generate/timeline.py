"""Time: the data window, load batches, US holidays and the hourly arrival profiles."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import numpy as np

from cx_metrics.generate.contract import DAY, HOUR, MINUTE, TS_FORMAT
from cx_metrics.generate.parameters import GeneratorParams


def epoch(value: str) -> int:
    """'YYYY-MM-DD' or 'YYYY-MM-DD HH:MM:SS' (UTC) -> epoch seconds."""
    fmt = "%Y-%m-%d %H:%M:%S" if " " in value else "%Y-%m-%d"
    return int(dt.datetime.strptime(value, fmt).replace(tzinfo=dt.UTC).timestamp())


def timestamp_text(seconds: int) -> str:
    """Epoch seconds -> 'YYYY-MM-DD HH:MM:SS' (UTC)."""
    return dt.datetime.fromtimestamp(int(seconds), tz=dt.UTC).strftime(TS_FORMAT)


def window_bounds(params: GeneratorParams) -> tuple[int, int]:
    """[start, end) in epoch seconds; end is midnight after window_end."""
    return epoch(params.window_start), epoch(params.window_end) + DAY


def load_batch(seconds: np.ndarray, params: GeneratorParams) -> np.ndarray:
    """Next load batch strictly after each time (every load_batch_hours at :offset)."""
    step = params.load_batch_hours * HOUR
    offset = params.load_batch_offset_minutes * MINUTE
    seconds = np.asarray(seconds, dtype=np.int64)
    return ((seconds - offset) // step + 1) * step + offset


# --------------------------------------------------------------------------- holidays

def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """n-th (1-based; -1 = last) weekday (Mon=0) of a month."""
    if n > 0:
        day = dt.date(year, month, 1)
        day += dt.timedelta(days=(weekday - day.weekday()) % 7)
        return day + dt.timedelta(weeks=n - 1)
    first_of_next_month = dt.date(year + (month == 12), month % 12 + 1, 1)
    day = first_of_next_month - dt.timedelta(days=1)
    return day - dt.timedelta(days=(day.weekday() - weekday) % 7)


def _observed(day: dt.date) -> dt.date:
    """A Saturday holiday is observed on Friday, a Sunday one on Monday."""
    if day.weekday() == 5:
        return day - dt.timedelta(days=1)
    if day.weekday() == 6:
        return day + dt.timedelta(days=1)
    return day


def us_federal_holidays(start: dt.date, end: dt.date) -> list[tuple[dt.date, str]]:
    """US federal holidays (observed dates) with start <= date <= end."""
    holidays: list[tuple[dt.date, str]] = []
    for year in range(start.year, end.year + 1):
        fixed = [((1, 1), "New Year's Day"), ((6, 19), "Juneteenth National Independence Day"),
                 ((7, 4), "Independence Day"), ((11, 11), "Veterans Day"),
                 ((12, 25), "Christmas Day")]
        for (month, day_of_month), name in fixed:
            actual = dt.date(year, month, day_of_month)
            observed = _observed(actual)
            holidays.append((observed, name if observed == actual else f"{name} (observed)"))
        holidays += [(_nth_weekday(year, 1, 0, 3), "Birthday of Martin Luther King, Jr."),
                     (_nth_weekday(year, 2, 0, 3), "Washington's Birthday"),
                     (_nth_weekday(year, 5, 0, -1), "Memorial Day"),
                     (_nth_weekday(year, 9, 0, 1), "Labor Day"),
                     (_nth_weekday(year, 10, 0, 2), "Columbus Day"),
                     (_nth_weekday(year, 11, 3, 4), "Thanksgiving Day")]
    return sorted((day, name) for day, name in holidays if start <= day <= end)


def window_holidays(params: GeneratorParams) -> list[tuple[dt.date, str]]:
    """The US federal holidays inside the data window."""
    return us_federal_holidays(dt.date.fromisoformat(params.window_start),
                               dt.date.fromisoformat(params.window_end))


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


# --------------------------------------------------------------------------- arrival profiles

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
    weights = np.empty(len(bins))
    for i, bin_start in enumerate(bins.tolist()):  # one iteration per hour of the window (~8.8k)
        local = dt.datetime.fromtimestamp(bin_start, tz=zone)
        day_off = local.weekday() >= 5 or local.date() in holidays
        weights[i] = (weekend_hours if day_off else weekday_hours)[local.hour]
    weights = weights / weights.sum()
    cdf_end = np.cumsum(weights)
    cdf_end[-1] = 1.0
    return ArrivalProfile(bins, weights, cdf_end - weights, cdf_end)


def ticket_hour_weights() -> tuple[np.ndarray, np.ndarray]:
    """(weekday, weekend) relative ticket arrivals per local hour: office hours peak."""
    weekday = np.full(24, 0.05)
    weekday[7:9] = 0.25
    weekday[9:17] = 1.0
    weekday[17:20] = 0.25
    weekend = np.full(24, 0.04)
    weekend[9:18] = 0.08
    return weekday, weekend


def social_hour_weights() -> tuple[np.ndarray, np.ndarray]:
    """(weekday, weekend) relative social post arrivals per local hour: waking hours."""
    weekday = np.full(24, 0.2)
    weekday[8:23] = 1.0
    weekend = np.full(24, 0.2)
    weekend[9:24] = 0.8
    return weekday, weekend


def sample_arrivals(rng: np.random.Generator, profile: ArrivalProfile,
                    lower: np.ndarray) -> np.ndarray:
    """Arrival times from the profile, conditioned on t >= lower (vectorised inverse CDF)."""
    lower = np.asarray(lower, dtype=np.int64)
    n_bins = len(profile.bin_start)
    lower_bin = np.clip((lower - profile.bin_start[0]) // HOUR, 0, n_bins - 1)
    lower_fraction = np.clip((lower - profile.bin_start[lower_bin]) / HOUR, 0.0, 1.0)
    cdf_at_lower = profile.cdf_start[lower_bin] + profile.weight[lower_bin] * lower_fraction
    u = cdf_at_lower + rng.random(len(lower)) * (1.0 - cdf_at_lower)
    drawn_bin = np.clip(np.searchsorted(profile.cdf_end, u, side="right"), 0, n_bins - 1)
    fraction = np.clip((u - profile.cdf_start[drawn_bin]) / profile.weight[drawn_bin], 0.0, 0.9999)
    arrival = profile.bin_start[drawn_bin] + np.floor(fraction * HOUR).astype(np.int64)
    return np.maximum(arrival, lower)
