"""On-call shifts: handoff boundaries, DST in the rotation's zone, rotation start, schedules."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from opsbook.team.derive import first_handoff, on_call_at, oncall, shift_start
from opsbook.team.load import parse_handoff
from opsbook.team.model import Rotation


def rotation(
    start: date = date(2026, 10, 5),
    handoff: str = "mon 10:00",
    zone: str = "Europe/Berlin",
    cadence: str = "weekly",
    members: tuple[str, ...] = ("alice", "bob", "carol"),
) -> Rotation:
    day, at = parse_handoff(handoff)
    return Rotation(
        name="Primary", cadence=cadence, start=start, handoff_day=day, handoff_time=at, timezone=zone, members=members
    )


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def test_handoff_boundary_is_inclusive_for_the_next_person() -> None:
    r = rotation()  # Mon 2026-10-05 10:00 CEST = 08:00 UTC: alice; 10-12 bob
    assert on_call_at(r, utc(2026, 10, 12, 7, 59, 59)).handle == "alice"
    assert on_call_at(r, utc(2026, 10, 12, 8, 0, 0)).handle == "bob"


def test_before_the_first_handoff_nobody_is_on_call() -> None:
    r = rotation()
    assert on_call_at(r, utc(2026, 10, 5, 7, 59)) is None
    assert on_call_at(r, utc(2026, 10, 5, 8, 0)).handle == "alice"


def test_start_on_another_weekday_begins_at_the_next_handoff_day() -> None:
    r = rotation(start=date(2026, 10, 7))  # a Wednesday: the first handoff is Mon 2026-10-12
    assert first_handoff(r) == date(2026, 10, 12)
    assert on_call_at(r, utc(2026, 10, 10, 12, 0)) is None
    assert on_call_at(r, utc(2026, 10, 12, 8, 0)).handle == "alice"


def test_handoff_follows_wall_clock_across_the_autumn_dst_change() -> None:
    # Europe/Berlin leaves summer time on Sun 2026-10-25. The handoff stays at 10:00 local time:
    # 08:00 UTC on Mon 10-19 (CEST) but 09:00 UTC on Mon 10-26 (CET).
    r = rotation(start=date(2026, 10, 19))
    assert shift_start(r, 0) == datetime(2026, 10, 19, 10, 0, tzinfo=shift_start(r, 0).tzinfo)
    assert shift_start(r, 0).astimezone(UTC) == utc(2026, 10, 19, 8, 0)
    assert shift_start(r, 1).astimezone(UTC) == utc(2026, 10, 26, 9, 0)
    # 08:30 UTC on 10-26 is 09:30 CET: still alice's shift (a fixed UTC offset would say bob).
    assert on_call_at(r, utc(2026, 10, 26, 8, 30)).handle == "alice"
    assert on_call_at(r, utc(2026, 10, 26, 8, 59, 59)).handle == "alice"
    assert on_call_at(r, utc(2026, 10, 26, 9, 0)).handle == "bob"
    shift = on_call_at(r, utc(2026, 10, 22, 12, 0))
    # Same-zone datetimes subtract as wall-clock times: compare in UTC. The shift is an hour longer.
    assert shift.end.astimezone(UTC) - shift.start.astimezone(UTC) == timedelta(days=7, hours=1)


def test_handoff_follows_wall_clock_across_the_spring_dst_change() -> None:
    # Summer time starts Sun 2027-03-28: the shift that spans it is an hour shorter.
    r = rotation(start=date(2027, 3, 22))
    assert on_call_at(r, utc(2027, 3, 29, 8, 30)).handle == "bob"  # 10:30 CEST, after the handoff
    assert on_call_at(r, utc(2027, 3, 29, 7, 59)).handle == "alice"  # 09:59 CEST
    shift = on_call_at(r, utc(2027, 3, 24, 12, 0))
    assert shift.end.astimezone(UTC) - shift.start.astimezone(UTC) == timedelta(days=7) - timedelta(hours=1)


def test_rotation_zone_other_than_utc_and_other_weekday() -> None:
    r = rotation(start=date(2026, 11, 3), handoff="tue 09:00", zone="America/New_York")
    # 09:00 EST = 14:00 UTC on Tue 2026-11-10
    assert on_call_at(r, utc(2026, 11, 10, 13, 59)).handle == "alice"
    assert on_call_at(r, utc(2026, 11, 10, 14, 0)).handle == "bob"


def test_members_cycle_and_biweekly_shifts_last_two_weeks() -> None:
    r = rotation(cadence="biweekly", members=("alice", "bob"))
    assert on_call_at(r, utc(2026, 10, 18, 12, 0)).handle == "alice"  # second week of shift 0
    assert on_call_at(r, utc(2026, 10, 19, 8, 0)).handle == "bob"
    assert on_call_at(r, utc(2026, 11, 2, 9, 0)).handle == "alice"  # 10:00 CET: shift 2, back to alice


def test_schedule_covers_the_next_eight_weeks_from_the_current_shift() -> None:
    r = rotation()
    oc = oncall(r, utc(2026, 11, 28, 0, 0))
    assert oc.current is not None and oc.current.index == 7 and oc.current.handle == "bob"  # 7 % 3 == 1
    starts = [s.start for s in oc.schedule]
    assert oc.schedule[0] == oc.current
    assert all(b.start == a.end for a, b in zip(oc.schedule, oc.schedule[1:], strict=False))
    assert starts[-1] < utc(2026, 11, 28) + timedelta(weeks=8) <= oc.schedule[-1].end
    assert len(oc.schedule) == 9


def test_schedule_before_the_rotation_starts_lists_the_first_shifts() -> None:
    oc = oncall(rotation(start=date(2026, 12, 7)), utc(2026, 11, 28))
    assert oc.current is None
    assert oc.schedule[0].handle == "alice" and oc.schedule[0].index == 0


@pytest.mark.parametrize(
    "text,expected",
    [
        ("mon 10:00", (0, time(10, 0))),
        ("Tue 9:05", (1, time(9, 5))),
        ("sunday 23:59", (6, time(23, 59))),
    ],
)
def test_parse_handoff(text: str, expected: tuple[int, time]) -> None:
    assert parse_handoff(text) == expected


@pytest.mark.parametrize("text", ["10:00", "mon", "mon 24:00", "mox 10:00", "mon 10:61", "monkey 10:00"])
def test_parse_handoff_rejects(text: str) -> None:
    from opsbook.timeparse import ParseError

    with pytest.raises(ParseError, match="handoff"):
        parse_handoff(text)
