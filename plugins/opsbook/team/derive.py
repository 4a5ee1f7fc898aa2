"""Who is on call when: shifts start at the handoff's wall-clock time in the rotation's zone.

Shift k of a rotation starts at the local date of the first handoff plus k periods, at the handoff
time, in the rotation's zone: a 10:00 handoff in Europe/Berlin is 09:00 UTC in winter and 08:00
UTC in summer, and the shift that spans the DST change is an hour longer or shorter.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from .model import OnCall, Rotation, Shift

SCHEDULE_WEEKS = 8


def first_handoff(rotation: Rotation) -> date:
    """The date of the first handoff: the handoff weekday on or after `start`."""
    return rotation.start + timedelta(days=(rotation.handoff_day - rotation.start.weekday()) % 7)


def shift_start(rotation: Rotation, index: int) -> datetime:
    """Start of shift `index` (aware, in the rotation's zone; may be negative for arithmetic)."""
    day = first_handoff(rotation) + timedelta(weeks=rotation.period_weeks * index)
    return datetime.combine(day, rotation.handoff_time, tzinfo=ZoneInfo(rotation.timezone))


def shift(rotation: Rotation, index: int) -> Shift:
    return Shift(
        rotation=rotation.name,
        handle=rotation.members[index % len(rotation.members)],
        start=shift_start(rotation, index),
        end=shift_start(rotation, index + 1),
        index=index,
    )


def shift_index_at(rotation: Rotation, when: datetime) -> int:
    """Index of the shift running at `when` (aware); -1 or less before the first handoff."""
    zone = ZoneInfo(rotation.timezone)
    local = when.astimezone(zone).replace(tzinfo=None)
    first = datetime.combine(first_handoff(rotation), rotation.handoff_time)
    # Wall-clock estimate, then settle on exact aware comparisons (DST moves boundaries by an hour).
    index = (local - first) // timedelta(weeks=rotation.period_weeks)
    while shift_start(rotation, index + 1) <= when:
        index += 1
    while shift_start(rotation, index) > when:
        index -= 1
    return index


def on_call_at(rotation: Rotation, when: datetime) -> Shift | None:
    """The shift running at `when`, or None before the rotation's first handoff."""
    if not rotation.members:
        return None
    index = shift_index_at(rotation, when)
    return shift(rotation, index) if index >= 0 else None


def oncall(rotation: Rotation, as_of: datetime, weeks: int = SCHEDULE_WEEKS) -> OnCall:
    """The current shift and every shift that starts within `weeks` weeks of the as-of date."""
    if not rotation.members:
        return OnCall(rotation, None, ())
    current = on_call_at(rotation, as_of)
    index = max(shift_index_at(rotation, as_of), 0)
    horizon = as_of + timedelta(weeks=weeks)
    schedule: list[Shift] = []
    while (s := shift(rotation, index)).start < horizon:
        schedule.append(s)
        index += 1
    return OnCall(rotation, current, tuple(schedule))
