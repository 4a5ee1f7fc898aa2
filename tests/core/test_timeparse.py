"""Dates, timestamps and durations are parsed on purpose, with messages that say what is allowed."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from opsbook.timeparse import (
    DURATION,
    MAX_DATE,
    MIN_DATE,
    POSTMORTEM_DEADLINE,
    RITUAL,
    SLO_WINDOW,
    THRESHOLD,
    OutOfRange,
    ParseError,
    Span,
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


# Ranges: every value is checked when it is read, so no later arithmetic can overflow or divide by 0.


@pytest.mark.parametrize("text", ["0001-01-01", "1969-12-31", "2201-01-01", "9999-12-31"])
def test_dates_outside_1970_to_2200_are_out_of_range(text: str) -> None:
    with pytest.raises(OutOfRange, match=f"'{text}' is out of range; dates and timestamps lie between 1970-01-01"):
        parse_date(text)


def test_the_ends_of_the_date_range_are_fine() -> None:
    assert parse_date("1970-01-01") == MIN_DATE and parse_date("2200-12-31") == MAX_DATE


@pytest.mark.parametrize(
    "text", ["0001-01-01T00:00:00Z", "0001-01-01T00:00:00+05:00", "9999-12-31T23:59:59Z", "9999-12-31T23:59:59-05:00"]
)
def test_timestamps_outside_the_range_are_problems_not_overflows(text: str) -> None:
    with pytest.raises(OutOfRange, match="out of range"):
        parse_timestamp(text, BERLIN)


def test_timestamps_at_the_ends_of_the_range_convert_to_utc() -> None:
    late = parse_timestamp("2200-12-31T23:59:59-12:00", BERLIN).astimezone(UTC)
    assert late == datetime(2201, 1, 1, 11, 59, 59, tzinfo=UTC)
    assert parse_timestamp("1970-01-01T00:00:00+14:00", UTC).astimezone(UTC).year == 1969


def test_a_time_in_the_spring_forward_gap_does_not_exist() -> None:
    with pytest.raises(ParseError) as caught:
        parse_timestamp("2026-03-29T02:30", BERLIN)
    assert str(caught.value) == (
        "'2026-03-29T02:30' does not exist in Europe/Berlin: that night the clocks jump forward from 02:00 to "
        "03:00; write the time after the jump, or give the offset, e.g. 2026-03-29T02:30+01:00"
    )


def test_the_gap_of_an_odd_zone_is_named_exactly() -> None:
    with pytest.raises(ParseError, match=r"from 02:00 to 02:30; .* e.g. 2024-10-06T02:15\+10:30"):
        parse_timestamp("2024-10-06T02:15", ZoneInfo("Australia/Lord_Howe"))


def test_times_around_the_gap_and_with_an_offset_are_fine() -> None:
    assert parse_timestamp("2026-03-29T01:59:59", BERLIN).astimezone(UTC).hour == 0
    assert parse_timestamp("2026-03-29T03:00", BERLIN).astimezone(UTC).hour == 1
    assert parse_timestamp("2026-03-29T02:30+01:00", BERLIN).astimezone(UTC).hour == 1


def test_an_ambiguous_autumn_time_is_its_first_occurrence() -> None:
    """02:30 happens twice on 2026-10-25 in Berlin: read as the first (CEST, +02:00)."""
    first = parse_timestamp("2026-10-25T02:30", BERLIN)
    assert first.utcoffset() == timedelta(hours=2) and first.astimezone(UTC).hour == 0
    second = parse_timestamp("2026-10-25T02:30+01:00", BERLIN)
    assert minutes_between(first, second) == 60


@pytest.mark.parametrize(
    ("text", "span", "message"),
    [
        ("99999999999d", DURATION, "'99999999999d' is out of range; a duration is between 1ms and 3650d"),
        ("9" * 400 + "d", DURATION, "is out of range; a duration is between 1ms and 3650d"),
        ("0.0001ms", DURATION, "'0.0001ms' is out of range; a duration is between 1ms and 3650d"),
        ("1m", SLO_WINDOW, "'1m' is out of range; an SLO window is between 1d and 400d"),
        ("401d", SLO_WINDOW, "'401d' is out of range; an SLO window is between 1d and 400d"),
        ("31d", THRESHOLD, "'31d' is out of range; an SLO threshold is between 1ms and 30d"),
        ("8d", RITUAL, "'8d' is out of range; a ritual's duration is between 1m and 7d"),
        ("30s", POSTMORTEM_DEADLINE, "'30s' is out of range; postmortem_deadline is between 1h and 365d"),
    ],
)
def test_durations_out_of_their_span_say_what_is_allowed(text: str, span: Span, message: str) -> None:
    with pytest.raises(OutOfRange) as caught:
        parse_duration(text, span)
    assert message in str(caught.value)


def test_durations_at_the_ends_of_their_span_are_fine() -> None:
    assert parse_duration("1d", SLO_WINDOW) == timedelta(days=1)
    assert parse_duration("400d", SLO_WINDOW) == timedelta(days=400)
    assert parse_duration("1ms", THRESHOLD) == timedelta(milliseconds=1)
    assert parse_duration("3650d") == timedelta(days=3650)


@pytest.mark.parametrize("bad", ["Mars/Olympus", "", "../etc/passwd", "Europe/"])
def test_one_time_zone_check_with_one_wording(bad: str) -> None:
    """Options, the team, rotations, people, the cadence and `opsbook init` all check zones here."""
    from opsbook.timeparse import parse_zone

    assert parse_zone("Europe/Berlin").key == "Europe/Berlin"
    with pytest.raises(ParseError, match=r"is not an IANA time zone; use one such as Europe/Berlin"):
        parse_zone(bad)
