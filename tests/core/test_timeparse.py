"""Dates, timestamps and durations are parsed on purpose, with messages that say what is allowed."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from opsbook.timeparse import (
    ParseError,
    format_duration,
    minutes_between,
    parse_date,
    parse_duration,
    parse_timestamp,
)

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("200ms", 0.2), ("30s", 30), ("45m", 2700), ("7h", 25200), ("30d", 2592000), ("2w", 1209600), ("1h30m", 5400)],
)
def test_durations(text: str, seconds: float) -> None:
    assert parse_duration(text) == timedelta(seconds=seconds)


@pytest.mark.parametrize("text", ["", "30", "5 minutes", "1y", "-5m", "0s"])
def test_bad_durations_say_what_is_allowed(text: str) -> None:
    with pytest.raises(ParseError, match="200ms, 30s, 45m"):
        parse_duration(text)


def test_dates() -> None:
    assert parse_date("2026-11-04") == date(2026, 11, 4)
    with pytest.raises(ParseError, match="not a real date"):
        parse_date("2026-02-30")
    with pytest.raises(ParseError, match="YYYY-MM-DD"):
        parse_date("04/11/2026")


def test_timestamp_with_offset_and_z() -> None:
    assert parse_timestamp("2026-11-04T09:12:00Z", UTC) == datetime(2026, 11, 4, 9, 12, tzinfo=UTC)
    with_offset = parse_timestamp("2026-11-04T10:12:00+01:00", UTC)
    assert with_offset == datetime(2026, 11, 4, 9, 12, tzinfo=UTC)


def test_naive_timestamp_is_read_in_the_configured_zone() -> None:
    ts = parse_timestamp("2026-11-04T10:12:00", BERLIN)
    assert ts == datetime(2026, 11, 4, 9, 12, tzinfo=UTC)  # CET is UTC+1 in November
    summer = parse_timestamp("2026-07-04T10:12:00", BERLIN)
    assert summer == datetime(2026, 7, 4, 8, 12, tzinfo=UTC)  # CEST is UTC+2


def test_minutes_are_exact_across_offsets_and_dst() -> None:
    start = parse_timestamp("2026-10-25T01:30:00+02:00", UTC)  # before the switch to CET
    end = parse_timestamp("2026-10-25T02:30:00+01:00", UTC)
    assert minutes_between(start, end) == 120


def test_unparseable_timestamp() -> None:
    with pytest.raises(ParseError, match="ISO 8601"):
        parse_timestamp("yesterday at noon", UTC)
    with pytest.raises(ParseError, match="ISO 8601"):
        parse_timestamp("2026-11-04T25:00:00Z", UTC)


def test_format_duration_units() -> None:
    assert format_duration(0.5) == "30 s"
    assert format_duration(43.2) == "43.2 min"
    assert format_duration(7.2 * 60) == "7.2 h"
    assert format_duration(30 * 24 * 60) == "30 d"
