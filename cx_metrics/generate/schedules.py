"""Business-hours schedules (contract v2): the schedules, their weekly hours and holiday calendars,
and the schedule each ticket is on (ticket_schedules).

Schedules (``SCHEDULES``; ids are text):

- ``default``        America/New_York (``params.timezone``), Monday-Friday 09:00-17:00 (the
                     business hours of contract v1, ``params.business_day_*``), US federal
                     holidays plus a year-end break (27-30 December);
- ``emea_business``  Europe/Berlin, Monday-Friday 08:00-18:00, German public holidays with the
                     ranges Good Friday-Easter Monday and 24 December-1 January;
- ``apac_business``  Australia/Sydney, Monday-Friday 09:00-12:00 and 13:00-17:00 (two intervals
                     a day), New South Wales public holidays with the ranges Good Friday-Easter
                     Monday and 25-26 December;
- ``premium_24x7``   UTC, every day 00:00-24:00, no holidays of its own.

One company-wide holiday (schedule_id null = a holiday of every schedule, the 24/7 one included):
"Company day", the first Friday of August. No two holidays of a schedule overlap (company-wide
ones included); a holiday is listed when its start date lies in the data window.

The default schedule. The contract's var ``cx_default_schedule_id`` is ``'default'``, and the
generator names its Americas schedule ``default``: a ticket on it from creation to the end has
NO ticket_schedules row (it uses the default schedule). Every other ticket has a row at its
created_at with its schedule at creation (by the customer's region, ``params.schedule_by_region``;
enterprise customers' tickets on ``params.enterprise_schedule``), and an escalated ticket (urgent
or high priority, ``params.schedule_escalation_share``) a second row when it moves to the 24/7
schedule, at a moment between its creation and its last event; a ticket on the default schedule
that is escalated gets an explicit ``default`` row at creation first.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pyarrow as pa

from cx_metrics.generate.contract import PRIORITIES, REGIONS, SEGMENTS
from cx_metrics.generate.formatting import format_int, format_timestamps, to_table
from cx_metrics.generate.parameters import GeneratorParams
from cx_metrics.generate.timeline import _nth_weekday, window_holidays

Frame = dict[str, np.ndarray]

DEFAULT_SCHEDULE = "default"


@dataclass(frozen=True)
class Schedule:
    schedule_id: str
    name: str
    timezone: str
    #: (ISO day of week, start HH:MM:SS, end HH:MM:SS) intervals
    hours: tuple[tuple[int, str, str], ...]


def _weekdays(start: str, end: str, days: int = 5) -> tuple[tuple[int, str, str], ...]:
    return tuple((day, start, end) for day in range(1, days + 1))


def schedules(params: GeneratorParams) -> tuple[Schedule, ...]:
    """The schedules, the default one first (its hours are the v1 business hours)."""
    return (
        Schedule(DEFAULT_SCHEDULE, "Americas business hours", params.timezone,
                 _weekdays(params.business_day_start, params.business_day_end)),
        Schedule("emea_business", "EMEA business hours", "Europe/Berlin",
                 _weekdays("08:00:00", "18:00:00")),
        Schedule("apac_business", "APAC business hours", "Australia/Sydney",
                 tuple(sorted(_weekdays("09:00:00", "12:00:00") + _weekdays("13:00:00", "17:00:00")))),
        Schedule("premium_24x7", "Premium 24/7", "UTC", _weekdays("00:00:00", "24:00:00", days=7)),
    )


# --------------------------------------------------------------------------- holidays

Holiday = tuple[str | None, dt.date, dt.date, str]  # (schedule_id, start, end, name)


def easter_sunday(year: int) -> dt.date:
    """Gregorian Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month = (h + leap - 7 * m + 114) // 31
    day = (h + leap - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def _next_monday_if_weekend(day: dt.date) -> dt.date:
    return day + dt.timedelta(days=(7 - day.weekday()) % 7) if day.weekday() >= 5 else day


def _calendar(year: int, schedule_id: str | None) -> list[tuple[dt.date, dt.date, str]]:
    """The new (v2) holidays of one schedule in one year, in priority order."""
    days = dt.timedelta
    if schedule_id is None:
        first_friday_of_august = _nth_weekday(year, 8, 4, 1)
        return [(first_friday_of_august, first_friday_of_august, "Company day")]
    if schedule_id == DEFAULT_SCHEDULE:
        return [(dt.date(year, 12, 27), dt.date(year, 12, 30), "Year-end break")]
    easter = easter_sunday(year)
    if schedule_id == "emea_business":
        return [(dt.date(year, 12, 24), dt.date(year + 1, 1, 1), "Christmas and year-end closure"),
                (easter - days(2), easter + days(1), "Easter (Good Friday to Easter Monday)"),
                (dt.date(year, 5, 1), dt.date(year, 5, 1), "Labour Day"),
                (easter + days(39), easter + days(39), "Ascension Day"),
                (easter + days(50), easter + days(50), "Whit Monday"),
                (dt.date(year, 10, 3), dt.date(year, 10, 3), "Day of German Unity")]
    if schedule_id == "apac_business":
        new_year = _next_monday_if_weekend(dt.date(year, 1, 1))
        australia_day = _next_monday_if_weekend(dt.date(year, 1, 26))
        return [(dt.date(year, 12, 25), dt.date(year, 12, 26), "Christmas Day and Boxing Day"),
                (easter - days(2), easter + days(1), "Easter (Good Friday to Easter Monday)"),
                (new_year, new_year, "New Year's Day"),
                (australia_day, australia_day, "Australia Day"),
                (dt.date(year, 4, 25), dt.date(year, 4, 25), "Anzac Day"),
                (_nth_weekday(year, 6, 0, 2), _nth_weekday(year, 6, 0, 2), "King's Birthday"),
                (_nth_weekday(year, 10, 0, 1), _nth_weekday(year, 10, 0, 1), "Labour Day")]
    return []


def schedule_holidays(params: GeneratorParams) -> list[Holiday]:
    """Every holiday: first the v1 ones (US federal, on the default schedule, as in v1), then the
    new ones by schedule (company-wide first) and start date. A new holiday that would overlap an
    earlier one of the same schedule (or a company-wide one) is left out."""
    start, end = dt.date.fromisoformat(params.window_start), dt.date.fromisoformat(params.window_end)
    kept: list[Holiday] = [(DEFAULT_SCHEDULE, day, day, name) for day, name in window_holidays(params)]
    schedule_ids: list[str | None] = [None] + [schedule.schedule_id for schedule in schedules(params)]
    for schedule_id in schedule_ids:
        candidates = sorted((first, last, name) for year in range(start.year, end.year + 1)
                            for first, last, name in _calendar(year, schedule_id) if start <= first <= end)
        for first, last, name in candidates:
            overlaps = any((other is None or schedule_id is None or other == schedule_id)
                           and first <= other_last and other_first <= last
                           for other, other_first, other_last, _ in kept)
            if not overlaps:
                kept.append((schedule_id, first, last, name))
    return kept


# --------------------------------------------------------------------------- static tables

def build_schedule_tables(params: GeneratorParams, loaded: int) -> dict[str, pa.Table]:
    """schedules, business_hours (v2: one row per schedule, day and interval) and holidays (v2)."""
    every = schedules(params)
    schedule_table = to_table("schedules", {
        "schedule_id": pa.array([s.schedule_id for s in every]),
        "name": pa.array([s.name for s in every]),
        "timezone": pa.array([s.timezone for s in every]),
        "_loaded_at": format_timestamps(np.full(len(every), loaded))})
    intervals = [(s, day, start, end) for s in every for day, start, end in s.hours]
    business_hours = to_table("business_hours", {
        "day_of_week": format_int(np.array([day for _, day, _, _ in intervals])),
        "start_time": pa.array([start for _, _, start, _ in intervals], pa.string()),
        "end_time": pa.array([end for _, _, _, end in intervals], pa.string()),
        "timezone": pa.array([s.timezone for s, _, _, _ in intervals], pa.string()),
        "schedule_id": pa.array([s.schedule_id for s, _, _, _ in intervals], pa.string()),
        "_loaded_at": format_timestamps(np.full(len(intervals), loaded))})
    holidays = schedule_holidays(params)
    n_v1 = len(window_holidays(params))  # the v1 rows keep their v1 columns
    holiday_table = to_table("holidays", {
        "holiday_date": pa.array([first.isoformat() if i < n_v1 else None
                                  for i, (_, first, _, _) in enumerate(holidays)], pa.string()),
        "holiday_name": pa.array([name if i < n_v1 else None
                                  for i, (_, _, _, name) in enumerate(holidays)], pa.string()),
        "schedule_id": pa.array([schedule_id for schedule_id, _, _, _ in holidays], pa.string()),
        "start_date": pa.array([first.isoformat() for _, first, _, _ in holidays], pa.string()),
        "end_date": pa.array([last.isoformat() for _, _, last, _ in holidays], pa.string()),
        "name": pa.array([name for _, _, _, name in holidays], pa.string()),
        "_loaded_at": format_timestamps(np.full(len(holidays), loaded))})
    return {"schedules": schedule_table, "business_hours": business_hours, "holidays": holiday_table}


# --------------------------------------------------------------------------- ticket schedules

def simulate_ticket_schedules(rng: np.random.Generator, params: GeneratorParams, customers: Frame,
                              tickets: Frame, ticket_facts: Frame) -> tuple[Frame, np.ndarray]:
    """(ticket_schedules rows: ticket, schedule = index in ``schedules(params)``, valid_from;
    per ticket the moment it was escalated to the 24/7 schedule, -1 = never)."""
    schedule_ids = [s.schedule_id for s in schedules(params)]
    by_region = np.array([schedule_ids.index(params.schedule_by_region[region]) for region in REGIONS])
    premium = schedule_ids.index(params.enterprise_schedule)
    customer = tickets["customer"]
    initial = np.where(customers["segment"][customer] == SEGMENTS.index("enterprise"), premium,
                       by_region[customers["region"][customer]])
    n = len(customer)
    created, last_event = tickets["created"], ticket_facts["last_event"]
    share = np.array([float(params.schedule_escalation_share.get(p, 0.0)) for p in PRIORITIES])
    drawn = rng.random(n)
    escalated = (initial != premium) & (last_event - created >= 2) & (drawn < share[tickets["priority"]])
    escalated_at = np.where(escalated, created + np.maximum(
        1, np.floor(rng.random(n) * (last_event - created)).astype(np.int64)), -1)
    default = schedule_ids.index(DEFAULT_SCHEDULE)
    with_initial_row = np.flatnonzero((initial != default) | escalated)
    moved = np.flatnonzero(escalated)
    rows = {"ticket": np.concatenate([with_initial_row, moved]),
            "schedule": np.concatenate([initial[with_initial_row], np.full(len(moved), premium)]),
            "valid_from": np.concatenate([created[with_initial_row], escalated_at[moved]])}
    order = np.lexsort((rows["valid_from"], rows["ticket"]))
    return {key: values[order] for key, values in rows.items()}, escalated_at
