"""Loading `ops/cadence.yml`: the rituals of the operating cadence."""

from __future__ import annotations

from datetime import date, time, timedelta
from typing import Any, cast

from ..problems import ProblemLog
from ..settings import Settings
from ..sources import present, read_yaml
from ..team.model import Team, check_person_or_role
from ..timeparse import RITUAL, parse_date, parse_duration, parse_zone
from ..validate import Invalid, check, parsed
from ..yamlio import LineDict
from .derive import WORKDAYS, derive_cadence
from .model import DAY_NAMES, Cadence, Frequency, MeetingFormat, Ritual


def _sexagesimal(value: Any) -> Any:
    """YAML 1.1 reads an unquoted 10:00 as the number 600 (base 60): turn it back into "10:00"."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 24 * 60:
        return f"{value // 60:02d}:{value % 60:02d}"
    return value


def load_cadence(settings: Settings, problems: ProblemLog, team: Team | None = None) -> Cadence | None:
    """The cadence, or None without a cadence file."""
    path = settings.path(settings.cadence)
    if not present(path):
        return None
    name = settings.cadence
    zone = settings.timezone.key
    data = read_yaml(path, name, problems, settings.root, "a mapping with `timezone` and `rituals`")
    if data is None:
        return Cadence(file=name, timezone=zone)
    if not isinstance(data, LineDict):
        problems.add(name, getattr(data, "line", 1), "the file must be a mapping with `timezone` and `rituals`")
        return Cadence(file=name, timezone=zone)
    for item in data.get("rituals") or ():
        if isinstance(item, LineDict) and "time" in item:
            item["time"] = _sexagesimal(item["time"])
    invalid = check(data, "cadence", name, problems)
    if "timezone" in data and not invalid.under("timezone"):
        zone = found.key if (found := parsed(data, "timezone", parse_zone, name, problems)) else zone
    default_start = date(settings.as_of.year, 1, 1)
    if "start" in data and not invalid.under("start"):
        default_start = parsed(data, "start", parse_date, name, problems) or default_start
    rituals = _rituals(data.get("rituals"), name, invalid, problems, team, default_start)
    return derive_cadence(Cadence(file=name, timezone=zone, rituals=rituals), settings.as_of)


def _rituals(
    raw: Any, file: str, invalid: Invalid, problems: ProblemLog, team: Team | None, default_start: date
) -> tuple[Ritual, ...]:
    rituals: dict[str, Ritual] = {}
    for item, line in invalid.entries(raw, "rituals"):
        ritual = _ritual(item, file, line, problems, default_start)
        if ritual is None:
            continue
        clash = next((r for r in rituals.values() if r.slug == ritual.slug), None)
        if clash is not None:
            problems.add(
                file,
                line,
                f"ritual {ritual.name!r} has the same name as the ritual on line "
                f"{clash.line}; give each ritual its own name (it is the calendar event's id)",
            )
            continue
        check_person_or_role(
            team, ritual.owner, file, item.line_of("owner"), f"owner of ritual {ritual.name!r}", problems
        )
        rituals[ritual.slug] = ritual
    return tuple(rituals.values())


def _ritual(item: LineDict, file: str, line: int, problems: ProblemLog, default_start: date) -> Ritual | None:
    frequency = str(item["frequency"])
    days = tuple(sorted({DAY_NAMES.index(str(d).capitalize()) for d in item.get("days") or ()}))
    if frequency in ("weekly", "biweekly") and not days:
        problems.add(file, line, f"a {frequency} ritual needs `days`, e.g. days: [mon, thu]")
        return None
    if frequency in ("monthly", "quarterly") and "day" in item and "days" in item:
        problems.add(file, line, "give either `day` (day of the month) or `days` with `week`, not both")
        return None
    if frequency == "daily" and not days:
        days = WORKDAYS
    start = parsed(item, "start", parse_date, file, problems) if "start" in item else default_start
    if start is None:
        return None
    duration = None
    if "duration" in item and (duration := parsed(item, "duration", _ritual_length, file, problems)) is None:
        return None
    week = item.get("week")
    hour, _, minute = str(item["time"]).partition(":") if "time" in item else ("", "", "")
    return Ritual(
        name=str(item["name"]).strip(),
        frequency=cast(Frequency, frequency),  # checked by the schema
        days=days,
        time=time(int(hour), int(minute)) if hour else None,
        duration=duration,
        format=cast(MeetingFormat | None, _str(item.get("format"))),
        channel=_str(item.get("channel")),
        owner=_str(item.get("owner")),
        purpose=_str(item.get("purpose")) or "",
        start=start,
        week=-1 if week == "last" else (int(week) if week is not None else None),
        day=int(item["day"]) if "day" in item else None,
        line=line,
    )


def _str(value: Any) -> str | None:
    return None if value is None or str(value).strip() == "" else str(value)


def _ritual_length(value: object) -> timedelta:
    return parse_duration(value, RITUAL)
