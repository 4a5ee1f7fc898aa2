"""Frozen records of the operating cadence and its rituals."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Literal

FREQUENCIES: tuple[str, ...] = ("daily", "weekly", "biweekly", "monthly", "quarterly")
DAY_NAMES: tuple[str, ...] = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
ICAL_DAYS: tuple[str, ...] = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


Frequency = Literal["daily", "weekly", "biweekly", "monthly", "quarterly"]
MeetingFormat = Literal["sync", "async"]


@dataclass(frozen=True)
class Ritual:
    """One recurring meeting or async routine of the operating cadence."""

    name: str
    frequency: Frequency
    days: tuple[int, ...]  # weekdays, 0 = Monday; daily defaults to Mon-Fri
    time: time | None  # local start time in the cadence's zone; None = any time that day
    duration: timedelta | None
    format: MeetingFormat | None
    channel: str | None
    owner: str | None  # a role, a person or a pod
    purpose: str
    start: date  # the anchor: the first occurrence is the first match on or after it
    week: int | None = None  # monthly/quarterly: 1..4, or -1 for the last week of the month
    day: int | None = None  # monthly/quarterly: day of the month (-1 = last day)
    line: int | None = None
    first: datetime | None = None  # derived: the first occurrence (the feed's DTSTART)
    next: datetime | None = None  # derived: the next occurrence at or after the as-of date

    @property
    def slug(self) -> str:
        slug = "".join(c if c.isalnum() else "-" for c in self.name.lower())
        return "-".join(p for p in slug.split("-") if p) or "ritual"

    @property
    def weekly_view(self) -> bool:
        """Rituals that recur within a week (daily, weekly, biweekly) go into the week grid."""
        return self.frequency in ("daily", "weekly", "biweekly")


@dataclass(frozen=True)
class Cadence:
    """The rituals of `ops/cadence.yml` in one time zone."""

    file: str
    timezone: str
    rituals: tuple[Ritual, ...] = ()
