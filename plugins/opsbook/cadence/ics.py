"""`cadence.ics`: the rituals as an iCalendar feed (RFC 5545), written with `icalendar`.

Deterministic: DTSTAMP is the as-of instant, each UID is derived from the ritual's name, events are
sorted by UID, and the VTIMEZONE comes from the zone database, so two builds of the same sources
at the same SOURCE_DATE_EPOCH are byte-identical.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from ..pages import GeneratedAsset
from .derive import rule, when_text
from .model import Cadence, Ritual

if TYPE_CHECKING:
    from icalendar import Calendar, Event

ICS_PATH = "cadence.ics"


def uid(ritual: Ritual) -> str:
    return f"{ritual.slug}@cadence.opsbook"


def _event(ritual: Ritual, stamp: datetime) -> Event:
    from icalendar import Event

    event = Event()
    event.add("uid", uid(ritual))
    event.add("dtstamp", stamp)
    event.add("summary", ritual.name)
    assert ritual.first is not None
    if ritual.time is None:
        event.add("dtstart", ritual.first.date())  # an all-day item: "any time that day"
    else:
        event.add("dtstart", ritual.first)  # aware: written with TZID= the cadence's zone
        if ritual.duration is not None:
            event.add("duration", ritual.duration)
    event.add("rrule", rule(ritual))
    lines = [ritual.purpose] if ritual.purpose else []
    lines.append(f"When: {when_text(ritual)}")
    lines += [
        f"{label}: {value}"
        for label, value in (("Format", ritual.format), ("Channel", ritual.channel), ("Owner", ritual.owner))
        if value
    ]
    event.add("description", "\n".join(lines))
    if ritual.channel:
        event.add("location", ritual.channel)
    if ritual.format:
        event.add("categories", [ritual.format])
    return event


def calendar(cadence: Cadence, as_of: datetime, name: str = "Operating cadence") -> Calendar:
    # Imported here: only a site build writes the feed, and `opsbook check` starts faster without it.
    from icalendar import Calendar

    cal = Calendar()
    cal.add("prodid", "-//opsbook//operating cadence//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", cadence.timezone)
    stamp = as_of.astimezone(UTC)
    rituals = sorted((r for r in cadence.rituals if r.first is not None), key=uid)
    for ritual in rituals:
        cal.add_component(_event(ritual, stamp))
    if rituals:
        # The zone's history from the year of the first event on: small, and enough for every event.
        first = min(r.first for r in rituals if r.first is not None)
        cal.add_missing_timezones(first_date=date(first.year, 1, 1))
    return cal


def asset(cadence: Cadence, as_of: datetime) -> GeneratedAsset:
    return GeneratedAsset(ICS_PATH, calendar(cadence, as_of).to_ical())
