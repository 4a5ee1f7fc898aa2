"""Recurrence rules of rituals (RFC 5545 RRULE) and their occurrences.

One rule per ritual is the single source of truth: `cadence.ics` writes it, and the page, the
macros and ops.json compute occurrences from the same rule with dateutil, so they never disagree.
Times are wall-clock times in the cadence's zone: a 09:30 triage stays at 09:30 across DST.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from dateutil.rrule import rrule, rrulestr

from ..problems import Finding, FindingKind
from .model import DAY_NAMES, ICAL_DAYS, Cadence, Ritual

WORKDAYS: tuple[int, ...] = (0, 1, 2, 3, 4)
_ORDINAL = {1: "first", 2: "second", 3: "third", 4: "fourth", -1: "last"}
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def rule(ritual: Ritual) -> dict[str, list[Any]]:
    """The RRULE as an ordered mapping of parts (icalendar's vRecur accepts it as is)."""
    parts: dict[str, list[Any]] = {}
    byday = [ICAL_DAYS[d] for d in ritual.days]
    if ritual.frequency == "daily":
        parts["FREQ"] = ["DAILY"]
        if len(ritual.days) < 7:
            parts["BYDAY"] = byday
    elif ritual.frequency in ("weekly", "biweekly"):
        parts["FREQ"] = ["WEEKLY"]
        if ritual.frequency == "biweekly":
            parts["INTERVAL"] = [2]
        parts["BYDAY"] = byday
        parts["WKST"] = ["MO"]  # INTERVAL counts weeks from Monday, like our week grid
    else:
        parts["FREQ"] = ["MONTHLY"]
        if ritual.frequency == "quarterly":
            parts["INTERVAL"] = [3]
        if ritual.day is not None:
            parts["BYMONTHDAY"] = [ritual.day]
        elif ritual.days:
            parts["BYDAY"] = [f"{ritual.week or 1}{d}" for d in byday]
        else:
            parts["BYMONTHDAY"] = [ritual.start.day]
    return parts


def rule_text(parts: dict[str, list[Any]]) -> str:
    """The rule as written in an .ics file: FREQ=WEEKLY;BYDAY=MO,TH;WKST=MO."""
    return ";".join(f"{key}={','.join(str(v) for v in values)}" for key, values in parts.items())


def _anchor(ritual: Ritual, tz: ZoneInfo) -> datetime:
    return datetime.combine(ritual.start, ritual.time or time(0, 0), tzinfo=tz)


def recurrence(ritual: Ritual, tz: ZoneInfo) -> rrule:
    """The ritual's rule, anchored at its start date (wall-clock times in `tz`)."""
    result: rrule = rrulestr(rule_text(rule(ritual)), dtstart=_anchor(ritual, tz))
    return result


def next_after(ritual: Ritual, tz: ZoneInfo, when: datetime) -> datetime | None:
    """The first occurrence at or after `when` (aware)."""
    found: datetime | None = recurrence(ritual, tz).after(when, inc=True)
    return found


def derive_cadence(cadence: Cadence, as_of: datetime) -> Cadence:
    """Fill in each ritual's first occurrence and its next one at the as-of date."""
    tz = ZoneInfo(cadence.timezone)
    rituals = tuple(
        replace(r, first=next_after(r, tz, _anchor(r, tz)), next=next_after(r, tz, as_of)) for r in cadence.rituals
    )
    return replace(cadence, rituals=rituals)


def days_text(days: tuple[int, ...]) -> str:
    if days == WORKDAYS:
        return "Mon–Fri"
    if len(days) == 7:
        return "every day"
    return ", ".join(DAY_NAMES[d] for d in days)


def when_text(ritual: Ritual) -> str:
    """How people say the rule: "Mon, Thu 09:30", "every other Tue 15:00", "first Tue of the month"."""
    at = f" {ritual.time.strftime('%H:%M')}" if ritual.time else ""
    if ritual.frequency == "daily":
        return f"daily, {days_text(ritual.days)}{at}"
    if ritual.frequency == "weekly":
        return f"weekly, {days_text(ritual.days)}{at}"
    if ritual.frequency == "biweekly":
        since = f" (weeks of {ritual.first.date().isoformat()})" if ritual.first else ""
        return f"every other week, {days_text(ritual.days)}{at}{since}"
    if ritual.day is not None:
        which = "last day" if ritual.day == -1 else f"day {ritual.day}"
    elif ritual.days:
        which = f"{_ORDINAL.get(ritual.week or 1, str(ritual.week))} {days_text(ritual.days)}"
    else:
        which = f"day {ritual.start.day}"
    if ritual.frequency == "monthly":
        return f"monthly, {which} of the month{at}"
    month = (ritual.first or _anchor(ritual, ZoneInfo("UTC"))).month
    months = ", ".join(_MONTHS[(month - 1 + 3 * k) % 12] for k in range(4))
    return f"quarterly, {which} of {months}{at}"


def week_grid(rituals: tuple[Ritual, ...]) -> tuple[list[int], list[tuple[str, list[list[Ritual]]]]]:
    """The weekly calendar: the weekdays shown (Mon-Fri, plus weekend days in use) and one row per
    start time ("any time" first), each with the rituals of each shown day."""
    weekly = [r for r in rituals if r.weekly_view]
    used = {d for r in weekly for d in r.days}
    days = [d for d in range(7) if d < 5 or d in used]
    times = sorted({r.time for r in weekly}, key=lambda t: (t is not None, t or time(0)))
    rows = []
    for at in times:
        label = at.strftime("%H:%M") if at else "any time"
        cells = [[r for r in weekly if r.time == at and d in r.days] for d in days]
        rows.append((label, cells))
    return days, rows


def ritual_findings(cadence: Cadence) -> list[Finding]:
    """A ritual without an owner is nobody's: it will quietly stop happening."""
    return [
        Finding(
            FindingKind.RITUAL_WITHOUT_OWNER, r.name, f"Ritual {r.name!r} has no owner ({cadence.file})", "cadence.md"
        )
        for r in cadence.rituals
        if not r.owner
    ]
