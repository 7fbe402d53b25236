"""Business minutes of the demo build agree with an independent recomputation in Python.

The recomputation follows docs/metrics.md "Business clock" with Python's own time-zone rules
(zoneinfo) instead of the SQL clock tables:

* per schedule, each local date's opening hours (stg_cx__business_hours) become UTC intervals;
  a local time that occurs twice reads as its first occurrence (fold=0) and one that does not
  exist moves forward by the gap (fold=0 keeps the offset before the gap); dates inside a
  holiday range of the schedule, or of every schedule (schedule_id null), are closed;
* per ticket, its spells (stg_cx__ticket_schedules; no rows = var cx_default_schedule_id):
  the business seconds from t1 to t2 add up, spell by spell, the seconds of the spell's
  schedule inside both [t1, t2) and the spell (reading 'in_force'), or count the whole span on
  the schedule of the ticket's last row (reading 'latest');
* a ticket with a spell on a schedule that has no business_hours (up to t2) has no business
  minutes (null), as in the marts.

Compared with fct_tickets on every ticket: first reply (tickets the customer opened), first and
full resolution, to 1e-6 minutes. Works on the v1 demo (one schedule, no ticket_schedules) and on
demo data with several schedules and schedule changes.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import duckdb
import pytest

DEFAULT_SCHEDULE_ID = "default"  # dbt_project.yml var cx_default_schedule_id
MARGIN_DAYS = 7  # var cx_business_clock_margin_days


def local_to_utc(local: datetime, zone: str) -> datetime:
    """A naive local wall time in `zone` as a naive UTC time: first occurrence, gaps forward."""
    aware = local.replace(tzinfo=ZoneInfo(zone), fold=0)
    return aware.astimezone(UTC).replace(tzinfo=None)


@dataclass
class ScheduleClock:
    """The merged working intervals of one schedule, with running totals."""

    starts: list[datetime] = field(default_factory=list)
    ends: list[datetime] = field(default_factory=list)
    seconds_before: list[float] = field(default_factory=list)

    @classmethod
    def build(cls, hours: list[tuple[int, int, int, str]], holidays: list[tuple[date, date]],
              first_date: date, last_date: date) -> ScheduleClock:
        intervals = []
        day = first_date
        while day <= last_date:
            closed = any(start <= day <= end for start, end in holidays)
            for day_of_week, start_minute, end_minute, zone in hours:
                if closed or day.isoweekday() != day_of_week:
                    continue
                midnight = datetime(day.year, day.month, day.day)
                opens = local_to_utc(midnight + timedelta(minutes=start_minute), zone)
                closes = local_to_utc(midnight + timedelta(minutes=end_minute), zone)
                if closes > opens:
                    intervals.append((opens, closes))
            day += timedelta(days=1)
        clock = cls()
        for opens, closes in sorted(intervals):
            if clock.ends and opens <= clock.ends[-1]:  # overlapping or touching: merge
                clock.ends[-1] = max(clock.ends[-1], closes)
            else:
                clock.starts.append(opens)
                clock.ends.append(closes)
        total = 0.0
        for opens, closes in zip(clock.starts, clock.ends, strict=True):
            clock.seconds_before.append(total)
            total += (closes - opens).total_seconds()
        return clock

    def reading(self, at: datetime) -> float:
        """Business seconds from the start of the clock to `at`."""
        index = bisect.bisect_right(self.starts, at) - 1
        if index < 0:
            return 0.0
        inside = (min(at, self.ends[index]) - self.starts[index]).total_seconds()
        return self.seconds_before[index] + max(inside, 0.0)

    def seconds_between(self, start: datetime, end: datetime) -> float:
        return self.reading(end) - self.reading(start)


def ticket_spells(rows: list[tuple[datetime, str]], reading: str) -> list[tuple[datetime | None, str]]:
    """(spell start or None for 'from the start', schedule) in time order."""
    if not rows:
        return [(None, DEFAULT_SCHEDULE_ID)]
    rows = sorted(rows, key=lambda row: row[0])
    if reading == "latest":
        return [(None, rows[-1][1])]
    return [(None, rows[0][1])] + [(valid_from, schedule) for valid_from, schedule in rows[1:]]


def business_seconds(spells, clocks: dict[str, ScheduleClock], start: datetime, end: datetime) -> float | None:
    """Business seconds of a ticket from `start` to `end` (end >= start) across its spells."""
    total = 0.0
    for number, (spell_start, schedule) in enumerate(spells):
        spell_end = spells[number + 1][0] if number + 1 < len(spells) else None
        if spell_start is not None and spell_start >= end:
            break
        clock = clocks.get(schedule)
        if clock is None or not clock.starts:
            return None
        piece_start = start if spell_start is None else max(start, spell_start)
        piece_end = end if spell_end is None else min(end, spell_end)
        if piece_end > piece_start:
            total += clock.seconds_between(piece_start, piece_end)
    return total


def test_schedule_change_example_of_the_docs():
    # docs/metrics.md: EARLY 08-12 UTC, LATE 12-20 UTC on Mon 2026-03-02 and Tue 03-03; the ticket
    # moves to LATE Mon 11:00 and back to EARLY Tue 10:00. Created Mon 10:00, read Tue 13:00.
    days = (date(2026, 3, 2), date(2026, 3, 3))
    clocks = {
        "EARLY": ScheduleClock.build([(1, 480, 720, "UTC"), (2, 480, 720, "UTC")], [], *days),
        "LATE": ScheduleClock.build([(1, 720, 1200, "UTC"), (2, 720, 1200, "UTC")], [], *days),
    }
    rows = [(datetime(2026, 3, 2, 9, 30), "EARLY"), (datetime(2026, 3, 2, 11), "LATE"),
            (datetime(2026, 3, 3, 10), "EARLY")]
    start, end = datetime(2026, 3, 2, 10), datetime(2026, 3, 3, 13)
    assert business_seconds(ticket_spells(rows, "in_force"), clocks, start, end) / 60 == 660
    assert business_seconds(ticket_spells(rows, "latest"), clocks, start, end) / 60 == 360
    assert business_seconds(ticket_spells([], "in_force"), clocks, start, end) is None  # no 'default' hours


def test_repeated_and_skipped_local_hours():
    new_york = "America/New_York"
    assert local_to_utc(datetime(2025, 11, 2, 1, 30), new_york) == datetime(2025, 11, 2, 5, 30)
    assert local_to_utc(datetime(2025, 3, 9, 2, 30), new_york) == datetime(2025, 3, 9, 7, 30)
    assert local_to_utc(datetime(2025, 4, 6, 1, 45), "Australia/Lord_Howe") == datetime(2025, 4, 5, 14, 45)


@pytest.fixture(scope="module")
def demo_tables(demo_database):
    with duckdb.connect(str(demo_database), read_only=True) as connection:
        def rows(sql: str) -> list[tuple]:
            return connection.execute(sql).fetchall()

        tables = {
            "hours": rows("select schedule_id, day_of_week, start_minute, end_minute, timezone "
                          "from main.stg_cx__business_hours"),
            "holidays": rows("select schedule_id, holiday_start_date, holiday_end_date from main.stg_cx__holidays"),
            "ticket_schedules": rows("select ticket_id, valid_from_at, schedule_id from main.stg_cx__ticket_schedules"),
            "tickets": rows(
                "select ticket_id, created_at, is_agent_created, is_solved, first_reply_at, first_solved_at, "
                "last_solved_at, first_reply_business_minutes, first_resolution_business_minutes, "
                "full_resolution_business_minutes from main_marts.fct_tickets"),
            "data_range": rows(
                "select min(data_at), max(data_at) from (select created_at as data_at from main.stg_cx__tickets "
                "union all select event_at from main.stg_cx__ticket_events "
                "union all select as_of_at from main.int_as_of) as data_timestamps")[0],
        }
    return tables


def recomputed_clocks(tables) -> dict[str, ScheduleClock]:
    first_at, last_at = tables["data_range"]
    first_date = first_at.date() - timedelta(days=MARGIN_DAYS)
    last_date = last_at.date() + timedelta(days=MARGIN_DAYS)
    hours: dict[str, list] = {}
    for schedule_id, day_of_week, start_minute, end_minute, zone in tables["hours"]:
        hours.setdefault(schedule_id, []).append((day_of_week, start_minute, end_minute, zone))
    return {
        schedule_id: ScheduleClock.build(
            schedule_hours,
            [(start, end) for holiday_schedule, start, end in tables["holidays"]
             if holiday_schedule is None or holiday_schedule == schedule_id],
            first_date, last_date)
        for schedule_id, schedule_hours in hours.items()
    }


def test_business_minutes_match_the_recomputation(demo_tables):
    clocks = recomputed_clocks(demo_tables)
    schedule_rows: dict[str, list] = {}
    for ticket_id, valid_from, schedule_id in demo_tables["ticket_schedules"]:
        schedule_rows.setdefault(ticket_id, []).append((valid_from, schedule_id))

    def minutes(spells, start, end):
        if start is None or end is None:
            return None
        seconds = business_seconds(spells, clocks, start, end)
        return None if seconds is None else seconds / 60

    mismatches, compared = [], 0
    for (ticket_id, created_at, is_agent_created, is_solved, first_reply_at, first_solved_at, last_solved_at,
         first_reply_mart, first_resolution_mart, full_resolution_mart) in demo_tables["tickets"]:
        spells = ticket_spells(schedule_rows.get(ticket_id, []), "in_force")
        expected = {
            "first_resolution": (minutes(spells, created_at, first_solved_at), first_resolution_mart),
            "full_resolution": (minutes(spells, created_at, last_solved_at) if is_solved else None,
                                full_resolution_mart),
        }
        if not is_agent_created:  # the first-reply clock starts at creation
            expected["first_reply"] = (minutes(spells, created_at, first_reply_at), first_reply_mart)
        for metric, (python_value, mart_value) in expected.items():
            compared += 1
            same = (python_value is None and mart_value is None) or (
                python_value is not None and mart_value is not None
                and abs(python_value - float(mart_value)) <= 1e-6)
            if not same:
                mismatches.append((ticket_id, metric, python_value, mart_value))
    print(f"\nbusiness minutes compared: {compared}, schedules: {sorted(clocks)}, "
          f"tickets with schedule rows: {len(schedule_rows)}")
    assert compared > 0
    assert any(row[8] is not None for row in demo_tables["tickets"]), "no first resolution business minutes"
    assert not mismatches, mismatches[:10]
