"""Dates, timestamps and durations, parsed on purpose with messages that say what is allowed."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, tzinfo

DATE_HINT = "a date is written YYYY-MM-DD, e.g. 2026-11-04"
TIMESTAMP_HINT = "a timestamp is ISO 8601, e.g. 2026-11-04T09:12:00Z or 2026-11-04T10:12:00+01:00"
DURATION_HINT = "a duration is written like 200ms, 30s, 45m, 7h, 30d, 2w or 1h30m"

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DURATION_PART = re.compile(r"(\d+(?:\.\d+)?)(ms|s|m|h|d|w)")
_UNIT_SECONDS = {"ms": 0.001, "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


class ParseError(ValueError):
    """A value that cannot be read; its message says what is allowed."""


def parse_date(value: object) -> date:
    """Read a YYYY-MM-DD date (an impossible date such as 2026-02-30 is an error, not a guess)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if not _DATE.match(text):
        raise ParseError(f"{text!r} is not a date; {DATE_HINT}")
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise ParseError(f"{text!r} is not a real date ({exc}); {DATE_HINT}") from None


def parse_timestamp(value: object, tz: tzinfo) -> datetime:
    """Read an ISO 8601 timestamp; one written without an offset is read in `tz`."""
    if isinstance(value, datetime):
        parsed = value
    else:
        text = str(value).strip()
        if not re.match(r"^\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}", text):
            raise ParseError(f"{text!r} is not a timestamp; {TIMESTAMP_HINT}")
        try:
            parsed = datetime.fromisoformat(text.replace("z", "Z"))
        except ValueError:
            raise ParseError(f"{text!r} is not a valid timestamp; {TIMESTAMP_HINT}") from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=tz)
    return parsed


def parse_duration(value: object) -> timedelta:
    """Read 200ms, 30s, 45m, 7h, 30d, 2w or a combination such as 1h30m."""
    text = str(value).strip().replace(" ", "")
    if not text or _DURATION_PART.sub("", text):
        raise ParseError(f"{str(value)!r} is not a duration; {DURATION_HINT}")
    seconds = sum(float(n) * _UNIT_SECONDS[u] for n, u in _DURATION_PART.findall(text))
    if seconds <= 0:
        raise ParseError(f"{str(value)!r} must be longer than zero; {DURATION_HINT}")
    return timedelta(seconds=seconds)


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
