"""Dates, timestamps and durations, parsed on purpose with messages that say what is allowed.

Every value is range-checked here, when it is read, so no later date arithmetic can overflow and no
division can meet a zero: dates and timestamps lie between MIN_DATE and MAX_DATE; a duration lies
within the `Span` of what it measures (an SLO window, a threshold, a ritual, ...), never below a
millisecond nor above DURATION's ten years.

A timestamp written without an offset is a wall-clock time in the given zone. One that falls in the
gap of a spring-forward change does not exist and is a ParseError that says so; one that falls in the
repeated hour of an autumn change is read as its first occurrence (the offset before the change,
`fold=0`): write the offset to mean the second.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DATE_HINT = "a date is written YYYY-MM-DD, e.g. 2026-11-04"
TIMESTAMP_HINT = "a timestamp is ISO 8601, e.g. 2026-11-04T09:12:00Z or 2026-11-04T10:12:00+01:00"
DURATION_HINT = "a duration is written like 200ms, 30s, 45m, 7h, 30d, 2w or 1h30m"
ZONE_HINT = "use one such as Europe/Berlin, America/New_York or UTC"

MIN_DATE = date(1970, 1, 1)
MAX_DATE = date(2200, 12, 31)
RANGE_HINT = f"dates and timestamps lie between {MIN_DATE} and {MAX_DATE}"

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DURATION_PART = re.compile(r"(\d+(?:\.\d+)?)(ms|s|m|h|d|w)")
_UNIT_SECONDS = {"ms": 0.001, "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


class ParseError(ValueError):
    """A value that cannot be read; its message says what is allowed."""


class OutOfRange(ParseError):
    """A value that was read but lies outside what opsbook accepts; the message names the range."""


def in_range(day: date, text: object) -> date:
    """`day` when it lies between MIN_DATE and MAX_DATE, else a ParseError naming the range."""
    if not MIN_DATE <= day <= MAX_DATE:
        raise OutOfRange(f"{str(text)!r} is out of range; {RANGE_HINT}")
    return day


def parse_date(value: object) -> date:
    """Read a YYYY-MM-DD date (an impossible date such as 2026-02-30 is an error, not a guess)."""
    if isinstance(value, datetime):
        return in_range(value.date(), value)
    if isinstance(value, date):
        return in_range(value, value)
    text = str(value).strip()
    if not _DATE.match(text):
        raise ParseError(f"{text!r} is not a date; {DATE_HINT}")
    try:
        day = date.fromisoformat(text)
    except ValueError as exc:
        raise ParseError(f"{text!r} is not a real date ({exc}); {DATE_HINT}") from None
    return in_range(day, text)


def parse_zone(value: object) -> ZoneInfo:
    """An IANA time zone by name: the one check of every zone the handbook names (options, the team,
    rotations, people, the cadence, `opsbook init --timezone`)."""
    try:
        return ZoneInfo(str(value))
    except (ZoneInfoNotFoundError, ValueError):
        raise ParseError(f"{value!r} is not an IANA time zone; {ZONE_HINT}") from None


def parse_timestamp(value: object, tz: tzinfo) -> datetime:
    """Read an ISO 8601 timestamp; one written without an offset is read in `tz` (see the module)."""
    if isinstance(value, datetime):
        parsed, text = value, value.isoformat()
    else:
        text = str(value).strip()
        if not re.match(r"^\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}", text):
            raise ParseError(f"{text!r} is not a timestamp; {TIMESTAMP_HINT}")
        try:
            parsed = datetime.fromisoformat(text.replace("z", "Z"))
        except ValueError:
            raise ParseError(f"{text!r} is not a valid timestamp; {TIMESTAMP_HINT}") from None
    in_range(parsed.date(), text)  # before any offset arithmetic, which could leave datetime's range
    if parsed.tzinfo is None:
        parsed = _wall_clock(parsed.replace(fold=0), tz, text)
    return parsed


def _wall_clock(naive: datetime, tz: tzinfo, text: str) -> datetime:
    """`naive` as a time in `tz`; a time the clocks skipped is a ParseError naming the jump."""
    aware = naive.replace(tzinfo=tz)
    if aware.astimezone(UTC).astimezone(tz).replace(tzinfo=None) == naive:
        return aware
    before, after = aware.utcoffset(), naive.replace(tzinfo=tz, fold=1).utcoffset()
    if before is None or after is None:  # pragma: no cover - a zone without offsets
        raise ParseError(f"{text!r} does not exist in {tz}; give the offset, e.g. +01:00")
    start = _transition(naive, tz, before, after)
    minutes = abs(before) // timedelta(minutes=1)
    offset = f"{'-' if before < timedelta() else '+'}{minutes // 60:02d}:{minutes % 60:02d}"
    raise ParseError(
        f"{text!r} does not exist in {tz}: that night the clocks jump forward from {start:%H:%M} to "
        f"{start + (after - before):%H:%M}; write the time after the jump, or give the offset, "
        f"e.g. {naive:%Y-%m-%dT%H:%M}{offset}"
    )


def _transition(naive: datetime, tz: tzinfo, before: timedelta, after: timedelta) -> datetime:
    """The local wall time (old offset) at which the clocks jumped over `naive` (binary search)."""
    low = (naive - after).replace(tzinfo=UTC)  # still before the change
    high = (naive - before).replace(tzinfo=UTC)  # already after it
    while high - low > timedelta(seconds=1):
        mid = low + (high - low) / 2
        if mid.astimezone(tz).utcoffset() == after:
            high = mid
        else:
            low = mid
    return (high + before).replace(tzinfo=None, microsecond=0)


@dataclass(frozen=True)
class Span:
    """The lengths one kind of duration may have, written the way durations are (e.g. 1d and 400d)."""

    what: str  # e.g. "an SLO window"
    low: str
    high: str

    @property
    def shortest(self) -> timedelta:
        return _length(self.low)

    @property
    def longest(self) -> timedelta:
        return _length(self.high)

    @property
    def hint(self) -> str:
        return f"{self.what} is between {self.low} and {self.high}"

    def check(self, seconds: float, shown: object) -> timedelta:
        """`seconds` as a timedelta when within the span (NaN and infinity never are)."""
        if math.isfinite(seconds) and self.shortest.total_seconds() <= seconds <= self.longest.total_seconds():
            return timedelta(seconds=seconds)
        raise OutOfRange(f"{str(shown)!r} is out of range; {self.hint}")


def _length(text: str) -> timedelta:
    return timedelta(seconds=_seconds(text))


def _seconds(text: str) -> float:
    return sum(float(n) * _UNIT_SECONDS[u] for n, u in _DURATION_PART.findall(text))


# What each duration opsbook reads may be; the docs (docs/how-it-works.md) list the same spans.
DURATION = Span("a duration", "1ms", "3650d")
SLO_WINDOW = Span("an SLO window", "1d", "400d")
THRESHOLD = Span("an SLO threshold", "1ms", "30d")
RITUAL = Span("a ritual's duration", "1m", "7d")
POSTMORTEM_DEADLINE = Span("postmortem_deadline", "1h", "365d")


def parse_duration(value: object, span: Span = DURATION) -> timedelta:
    """Read 200ms, 30s, 45m, 7h, 30d, 2w or a combination such as 1h30m, within `span`."""
    text = str(value).strip().replace(" ", "")
    if not text or _DURATION_PART.sub("", text):
        raise ParseError(f"{str(value)!r} is not a duration; {DURATION_HINT}")
    seconds = _seconds(text)
    if seconds <= 0:
        raise ParseError(f"{str(value)!r} must be longer than zero; {DURATION_HINT}")
    return span.check(seconds, str(value).strip())


def format_duration(delta: timedelta | float) -> str:
    """Human units the way people say them: 4.32 min, 43.2 min, 7.2 h, 36 h, 3 d."""
    minutes = delta.total_seconds() / 60 if isinstance(delta, timedelta) else float(delta)
    if minutes < 1:
        return f"{_num(minutes * 60)} s"
    if minutes < 120:
        return f"{_num(minutes)} min"
    hours = minutes / 60
    if hours <= 96:
        return f"{_num(hours)} h"
    return f"{_num(hours / 24)} d"


def format_threshold(delta: timedelta) -> str:
    """A latency threshold as written in SLO tables: 200ms, 2s, 5min."""
    seconds = delta.total_seconds()
    if seconds < 1:
        return f"{_num(seconds * 1000)}ms"
    if seconds < 60:
        return f"{_num(seconds)}s"
    return f"{_num(seconds / 60)}min"


def _num(x: float) -> str:
    """Up to three significant decimals, no trailing zeros: 43.2, 4.32, 72."""
    if x >= 100:
        return f"{x:.0f}" if abs(x - round(x)) < 0.05 else f"{x:.1f}"
    text = f"{x:.3g}"
    if "e" in text:
        text = f"{x:.0f}"
    return text


def minutes_between(start: datetime, end: datetime) -> float:
    """Exact minutes between two aware timestamps. Both go to UTC first: datetime subtracts two
    values that share a tzinfo (e.g. naive ones read in Europe/Berlin) as wall-clock times, an hour
    off across a DST change."""
    return round((end.astimezone(UTC) - start.astimezone(UTC)).total_seconds() / 60, 2)
