"""cadence.ics parsed back with icalendar: one event per ritual with the right RRULE and TZID."""

from __future__ import annotations

import textwrap
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from opsbook.cadence.derive import next_after, rule, rule_text, week_grid, when_text
from opsbook.cadence.ics import asset, calendar
from opsbook.cadence.load import load_cadence
from opsbook.cadence.model import Cadence
from opsbook.problems import ProblemLog
from opsbook.settings import Settings

AS_OF = datetime(2026, 11, 28, tzinfo=UTC)
BERLIN = ZoneInfo("Europe/Berlin")

CADENCE = """\
timezone: Europe/Berlin
start: 2026-01-05
rituals:
  - {name: Daily standup, frequency: daily, time: "10:00", format: async, channel: "#status", owner: EM/TPM}
  - {name: Triage, frequency: weekly, days: [mon, thu], time: "09:30", duration: 30m, owner: EM/TPM}
  - {name: Product council, frequency: biweekly, days: [tue], time: "15:00", duration: 60m, owner: alice}
  - {name: Retrospective, frequency: monthly, days: [thu], week: last, time: "14:00", duration: 1h}
  - {name: Quarterly planning, frequency: quarterly, days: [tue], week: 1, time: "09:00", duration: 4h}
  - {name: Budget review, frequency: monthly, day: 1}
"""


def load(tmp_path: Path, text: str = CADENCE) -> tuple[Cadence | None, list[str]]:
    (tmp_path / "ops").mkdir(exist_ok=True)
    (tmp_path / "ops" / "cadence.yml").write_text(textwrap.dedent(text), "utf-8")
    log = ProblemLog()
    cadence = load_cadence(Settings(root=tmp_path, as_of=AS_OF), log)
    return cadence, [str(p) for p in log.sorted()]


@pytest.fixture
def feed(tmp_path: Path) -> Calendar:
    cadence, problems = load(tmp_path)
    assert problems == [] and cadence is not None
    return Calendar.from_ical(asset(cadence, AS_OF).content)


def events(cal: Calendar) -> dict[str, object]:
    return {str(e["summary"]): e for e in cal.walk("VEVENT")}


def test_one_event_per_ritual_with_stable_sorted_uids(feed: Calendar) -> None:
    uids = [str(e["uid"]) for e in feed.walk("VEVENT")]
    assert uids == sorted(uids)
    assert set(uids) == {
        "daily-standup@cadence.opsbook",
        "triage@cadence.opsbook",
        "product-council@cadence.opsbook",
        "retrospective@cadence.opsbook",
        "quarterly-planning@cadence.opsbook",
        "budget-review@cadence.opsbook",
    }
    assert str(feed["version"]) == "2.0" and "opsbook" in str(feed["prodid"])


def test_recurrence_rules(feed: Calendar) -> None:
    ev = events(feed)
    daily = ev["Daily standup"]["rrule"]
    assert daily["FREQ"] == ["DAILY"] and daily["BYDAY"] == ["MO", "TU", "WE", "TH", "FR"]
    weekly = ev["Triage"]["rrule"]
    assert weekly["FREQ"] == ["WEEKLY"] and weekly["BYDAY"] == ["MO", "TH"] and "INTERVAL" not in weekly
    biweekly = ev["Product council"]["rrule"]
    assert biweekly["FREQ"] == ["WEEKLY"] and biweekly["INTERVAL"] == [2] and biweekly["BYDAY"] == ["TU"]
    monthly = ev["Retrospective"]["rrule"]
    assert monthly["FREQ"] == ["MONTHLY"] and monthly["BYDAY"] == ["-1TH"] and "INTERVAL" not in monthly
    quarterly = ev["Quarterly planning"]["rrule"]
    assert quarterly["FREQ"] == ["MONTHLY"] and quarterly["INTERVAL"] == [3] and quarterly["BYDAY"] == ["1TU"]
    assert ev["Budget review"]["rrule"]["BYMONTHDAY"] == [1]


def test_times_carry_the_cadence_timezone(feed: Calendar) -> None:
    ev = events(feed)
    triage = ev["Triage"]
    assert triage["dtstart"].params["TZID"] == "Europe/Berlin"
    start = triage.decoded("dtstart")
    assert start == datetime(2026, 1, 5, 9, 30, tzinfo=BERLIN)  # the first Monday on or after `start`
    assert triage.decoded("duration") == timedelta(minutes=30)
    assert ev["Quarterly planning"].decoded("duration") == timedelta(hours=4)
    assert ev["Daily standup"]["location"] == "#status"
    # A ritual without a time is an all-day item.
    assert ev["Budget review"].decoded("dtstart") == date(2026, 2, 1)  # first 1st after 2026-01-05
    zones = [str(tz["tzid"]) for tz in feed.walk("VTIMEZONE")]
    assert zones == ["Europe/Berlin"]


def test_dtstamp_is_the_as_of_date_and_the_feed_is_deterministic(tmp_path: Path) -> None:
    cadence, _ = load(tmp_path)
    assert cadence is not None
    first = asset(cadence, AS_OF).content
    assert first == asset(cadence, AS_OF).content
    cal = Calendar.from_ical(first)
    assert {e.decoded("dtstamp") for e in cal.walk("VEVENT")} == {AS_OF}
    assert asset(cadence, AS_OF).path == "cadence.ics"


def test_next_occurrence_keeps_wall_clock_time_across_dst(tmp_path: Path) -> None:
    cadence, _ = load(tmp_path)
    assert cadence is not None
    triage = next(r for r in cadence.rituals if r.name == "Triage")
    # Sat 2026-10-24 (CEST) -> Mon 2026-10-26 09:30 CET, i.e. 08:30 UTC (not 07:30).
    nxt = next_after(triage, BERLIN, datetime(2026, 10, 24, 12, tzinfo=UTC))
    assert nxt is not None and nxt.astimezone(UTC) == datetime(2026, 10, 26, 8, 30, tzinfo=UTC)
    # At the as-of date (Sat 2026-11-28) the next triage is Mon 2026-11-30.
    assert triage.next == datetime(2026, 11, 30, 9, 30, tzinfo=BERLIN)
    council = next(r for r in cadence.rituals if r.name == "Product council")
    # Biweekly from Tue 2026-01-06: every other Tuesday, so 2026-12-08, not 2026-12-01.
    assert council.next == datetime(2026, 12, 8, 15, 0, tzinfo=BERLIN)
    retro = next(r for r in cadence.rituals if r.name == "Retrospective")
    assert retro.next == datetime(2026, 12, 31, 14, 0, tzinfo=BERLIN)  # the last Thursday of December
    planning = next(r for r in cadence.rituals if r.name == "Quarterly planning")
    assert planning.next == datetime(2027, 1, 5, 9, 0, tzinfo=BERLIN)  # the first Tuesday of January


def test_rules_in_words(tmp_path: Path) -> None:
    cadence, _ = load(tmp_path)
    assert cadence is not None
    words = {r.name: when_text(r) for r in cadence.rituals}
    assert words == {
        "Daily standup": "daily, Mon–Fri 10:00",
        "Triage": "weekly, Mon, Thu 09:30",
        "Product council": "every other week, Tue 15:00 (weeks of 2026-01-06)",
        "Retrospective": "monthly, last Thu of the month 14:00",
        "Quarterly planning": "quarterly, first Tue of Jan, Apr, Jul, Oct 09:00",
        "Budget review": "monthly, day 1 of the month",
    }
    assert rule_text(rule(cadence.rituals[1])) == "FREQ=WEEKLY;BYDAY=MO,TH;WKST=MO"


def test_week_grid_is_days_by_time(tmp_path: Path) -> None:
    cadence, _ = load(tmp_path)
    assert cadence is not None
    days, rows = week_grid(cadence.rituals)
    assert days == [0, 1, 2, 3, 4]
    assert [label for label, _ in rows] == ["09:30", "10:00", "15:00"]
    assert [[r.name for r in cell] for cell in rows[0][1]] == [["Triage"], [], [], ["Triage"], []]
    assert [[r.name for r in cell] for cell in rows[2][1]][1] == ["Product council"]


def test_unquoted_yaml_time_is_read_as_a_time(tmp_path: Path) -> None:
    unquoted = "rituals: [{name: Sync, frequency: weekly, days: [fri], time: 10:00}]\n"
    cadence, problems = load(tmp_path, unquoted)
    assert problems == [] and cadence is not None and cadence.rituals[0].time == time(10, 0)


def test_empty_cadence_gives_an_empty_calendar(tmp_path: Path) -> None:
    cal = calendar(Cadence(file="ops/cadence.yml", timezone="UTC"), AS_OF)
    assert cal.walk("VEVENT") == [] and cal.walk("VTIMEZONE") == []
