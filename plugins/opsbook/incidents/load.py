"""Loading incidents: one Markdown file per incident, YAML front matter + postmortem body.

Every problem names its file and line and says what is allowed; a broken field is dropped (its
figures become unknown), a broken incident never drops another one. Only an incident without an id
(none in the front matter, and a file name that is not one) or with the id of an earlier file (by
name, see `sources.name_order`) is left out, because its page would have no address.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from datetime import UTC, date, datetime
from functools import partial
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from ..markdown import split_h1
from ..problems import ProblemLog
from ..services.model import unknown_service
from ..settings import Settings
from ..sources import list_files, name_order, read_text, rel
from ..team.model import Team, check_person
from ..timeparse import DATE_HINT, RANGE_HINT, OutOfRange, ParseError, parse_date, parse_timestamp
from ..validate import Invalid, check
from ..yamlio import LineDict, LineList, split_front_matter
from .impact import read_impact
from .model import FOLLOW_UP_STATUSES, ID_PATTERN, TIMESTAMP_FIELDS, FollowUp, Incident, id_day_and_number

if TYPE_CHECKING:
    from ..reuse import Reuse

ID_HINT = "an incident id is INC-YYYYMMDD-NN, e.g. INC-20261104-01"
# Files in the incidents folder that are not incidents.
_SKIP = {"readme.md", "index.md"}
# (earlier, later): `later` must not be before `earlier`. started <= resolved is implied when
# mitigated is present (started <= mitigated <= resolved), so it is only checked without it.
ORDER = (
    ("started", "detected"),
    ("detected", "acknowledged"),
    ("started", "mitigated"),
    ("mitigated", "resolved"),
    ("detected", "resolved"),
    ("started", "resolved"),
)
ORDER_HINT = "started ≤ detected ≤ acknowledged, and started ≤ mitigated ≤ resolved"


def incident_files(folder: Path) -> list[Path]:
    """Markdown files of the incidents folder; README/index and `_`-prefixed templates are skipped."""
    return [
        p
        for p in list_files(folder, (".md", ".markdown"))
        if p.name.lower() not in _SKIP and not p.name.startswith(("_", "."))
    ]


def load_incidents(
    settings: Settings,
    problems: ProblemLog,
    service_ids: frozenset[str] | None,
    team: Team | None = None,
    reuse: Reuse | None = None,
) -> tuple[Incident, ...]:
    """Every incident of the folder (no folder: none), in id order, duplicates after the first dropped.
    Serving (`reuse`), a file whose text, settings, services and team are those of the previous
    rebuild gives that rebuild's incident and problems without being parsed again."""
    folder = settings.path(settings.incidents)
    loaded: list[Incident] = []
    for path in incident_files(folder):
        name = rel(settings.root, path)
        text = read_text(path, name, problems, settings.root)
        if text is None:
            continue
        if reuse is None:
            incident = load_incident(text, name, settings, problems, service_ids, team)
        else:
            inputs = (text, settings, service_ids, team)
            incident, found = reuse.get("incident", name, inputs, partial(_load_alone, *inputs, name))
            problems.extend(found)
        if incident is not None:
            loaded.append(incident)
    return _unique(loaded, problems)


def _load_alone(
    text: str, settings: Settings, service_ids: frozenset[str] | None, team: Team | None, name: str
) -> tuple[Incident | None, ProblemLog]:
    """One incident with the problems of its file apart, so a rebuild can show them again."""
    log = ProblemLog()
    return load_incident(text, name, settings, log, service_ids, team), log


def load_incident(
    text: str,
    name: str,
    settings: Settings,
    problems: ProblemLog,
    service_ids: Collection[str] | None,
    team: Team | None,
) -> Incident | None:
    """One incident from the text of file `name` (relative to the root)."""
    before = len(problems.items)
    front, body, _ = split_front_matter(text, name, problems)
    if not front:
        if len(problems.items) == before:  # not already reported as a YAML error
            problems.add(
                name,
                1,
                "no front matter: an incident file starts with a `---` block giving "
                "at least id, title, severity, services, started and detected (see the incident "
                "template)",
            )
        return None
    invalid = check(front, "incident", name, problems)
    incident_id = _id(front, PurePosixPath(name).stem, name, invalid, problems)
    if incident_id is None:
        return None
    h1, body = split_h1(body)
    title = _text(front, "title", invalid) or h1
    if not title:
        problems.add(
            name, front.line, "no title: add `title:` to the front matter or start the body with a `# Title` line"
        )
        title = incident_id
    times = {k: _timestamp(front, k, name, settings, invalid, problems) for k in TIMESTAMP_FIELDS}
    _check_order(front, times, name, problems)
    published = _published(front, name, settings, invalid, problems)
    if published is not None and times["started"] is not None:
        started_day = times["started"].astimezone(settings.timezone).date()
        day = published.date() if isinstance(published, datetime) else published
        if day < started_day:
            problems.add(
                name,
                front.line_of("postmortem"),
                f"postmortem.published {day} is before the "
                f"incident started ({started_day}); a postmortem is published after the incident",
            )
    roles = _roles(front, name, invalid, team, problems)
    postmortem = front.get("postmortem")
    pm_url = _text(postmortem, "url", invalid, "postmortem") if isinstance(postmortem, LineDict) else None
    services = _services(front, name, settings, service_ids, invalid, problems)
    return Incident(
        id=incident_id,
        title=title,
        severity=_severity(front, name, settings, invalid, problems),
        services=services,
        file=name,
        line=front.line,
        id_line=front.line_of("id") if "id" in front else front.line,
        detected_by=_detected_by(front, name, settings, invalid, problems),
        started=times["started"],
        detected=times["detected"],
        acknowledged=times["acknowledged"],
        mitigated=times["mitigated"],
        resolved=times["resolved"],
        roles=roles,
        postmortem_published=published,
        postmortem_url=pm_url,
        follow_ups=_follow_ups(front, name, invalid, team, problems),
        summary=_text(front, "summary", invalid) or "",
        tags=tuple(str(t) for t in front.get("tags", ())) if not invalid.under("tags") else (),
        body=body,
        impact=() if invalid.under("impact") else read_impact(front, services, name, problems),
    )


def _text(data: LineDict, key: str, invalid: Invalid, *where: str) -> str | None:
    value = data.get(key)
    if value is None or invalid.under(*where, key) or not isinstance(value, str):
        return None
    return value.strip() or None


def _detected_by(front: LineDict, name: str, settings: Settings, invalid: Invalid, problems: ProblemLog) -> str | None:
    """How it was first noticed, from the configured sources (case-insensitive); kept when unknown."""
    value = _text(front, "detected_by", invalid)
    if value is None:
        return None
    known = {s.casefold(): s for s in settings.detected_by}
    if value.casefold() in known:
        return known[value.casefold()]
    problems.add(
        name,
        front.line_of("detected_by"),
        f"detected_by {value!r} is not a known source; use one of: {', '.join(settings.detected_by)} "
        "(plugin option `detected_by` sets the list)",
    )
    return value


def _id(front: LineDict, stem: str, name: str, invalid: Invalid, problems: ProblemLog) -> str | None:
    """The front matter's id, else the file stem when it is an id; None (a problem) otherwise."""
    stem_is_id = ID_PATTERN.match(stem) is not None
    if "id" in front:
        if invalid.under("id"):
            return None  # the schema named the problem (pattern or type)
        incident_id = str(front["id"])
        if stem_is_id and stem != incident_id:
            problems.add(
                name,
                front.line_of("id"),
                f"id {incident_id} does not match the file name {stem}; "
                "rename the file or fix the id so both say the same",
            )
    elif stem_is_id:
        incident_id = stem
    else:
        problems.add(
            name,
            front.line,
            f"no incident id: add `id:` to the front matter or name the file "
            f"after the id ({ID_HINT}, file INC-20261104-01.md)",
        )
        return None
    day, _ = id_day_and_number(incident_id)
    try:
        parse_date(f"{day[:4]}-{day[4:6]}-{day[6:]}")
    except ParseError as exc:
        line = front.line_of("id") if "id" in front else front.line
        what = f"has a date out of range ({RANGE_HINT})" if isinstance(exc, OutOfRange) else "has no real date in it"
        problems.add(name, line, f"id {incident_id} {what}; {ID_HINT} (the day it started)")
    return incident_id


def _severity(front: LineDict, name: str, settings: Settings, invalid: Invalid, problems: ProblemLog) -> str:
    """The severity as the scale spells it (matched case-insensitively); `unknown` when unusable."""
    value = front.get("severity")
    if not isinstance(value, str) or invalid.under("severity"):
        return "unknown"
    scale = {s.id.casefold(): s.id for s in settings.severities}
    found = scale.get(value.strip().casefold())
    if found is None:
        allowed = ", ".join(s.id for s in settings.severities)
        problems.add(
            name,
            front.line_of("severity"),
            f"severity {value!r} is not on the severity scale; use "
            f"one of: {allowed} (plugin option `severities` sets the scale)",
        )
        return value.strip() or "unknown"
    return found


def _services(
    front: LineDict,
    name: str,
    settings: Settings,
    service_ids: Collection[str] | None,
    invalid: Invalid,
    problems: ProblemLog,
) -> tuple[str, ...]:
    """The services of an incident; checked against the known ones when services are defined at all
    (`service_ids` is None when the handbook has no SLO sources: nothing to check against)."""
    raw = front.get("services")
    if not isinstance(raw, LineList):
        return ()
    out = []
    for index, sid in enumerate(raw):
        if not isinstance(sid, str) or invalid.under("services", index):
            continue
        if service_ids is not None and sid not in service_ids:
            problems.add(name, raw.line_of(index), unknown_service(sid, service_ids, settings.slo))
        if sid not in out:
            out.append(sid)
    return tuple(out)


def _timestamp(
    front: LineDict, key: str, name: str, settings: Settings, invalid: Invalid, problems: ProblemLog
) -> datetime | None:
    value = front.get(key)
    if value is None or invalid.under(key):
        return None
    try:
        # In UTC from here on: arithmetic on two datetimes sharing a zone ignores DST (see derive.minutes).
        return parse_timestamp(value, settings.timezone).astimezone(UTC)
    except ParseError as exc:
        problems.add(name, front.line_of(key), f"{key}: {exc}")
        return None


def _check_order(front: LineDict, times: dict[str, datetime | None], name: str, problems: ProblemLog) -> None:
    for earlier, later in ORDER:
        if (earlier, later) == ("started", "resolved") and times["mitigated"] is not None:
            continue
        a, b = times[earlier], times[later]
        if a is not None and b is not None and b < a:
            problems.add(
                name,
                front.line_of(later),
                f"{later} ({front[later]}) is before {earlier} ({front[earlier]}); timestamps go forward: {ORDER_HINT}",
            )


def _published(
    front: LineDict, name: str, settings: Settings, invalid: Invalid, problems: ProblemLog
) -> date | datetime | None:
    postmortem = front.get("postmortem")
    if not isinstance(postmortem, LineDict) or invalid.under("postmortem", "published"):
        return None
    value = postmortem.get("published")
    if value is None:
        return None
    try:
        if re.match(r"^\s*\d{4}-\d{2}-\d{2}\s*$", str(value)):
            return parse_date(value)
        return parse_timestamp(value, settings.timezone).astimezone(UTC)
    except ParseError as exc:
        problems.add(name, postmortem.line_of("published"), f"postmortem.published: {exc} ({DATE_HINT})")
        return None


def _roles(
    front: LineDict, name: str, invalid: Invalid, team: Team | None, problems: ProblemLog
) -> tuple[tuple[str, str], ...]:
    raw = front.get("roles")
    if not isinstance(raw, LineDict):
        return ()
    out = []
    for role, who in raw.items():
        if not isinstance(who, str) or invalid.under("roles", role):
            continue
        who = who.strip().lstrip("@")
        check_person(team, who, name, raw.line_of(role), f"role {role}:", problems)
        out.append((role, who))
    return tuple(out)


def _follow_ups(
    front: LineDict, name: str, invalid: Invalid, team: Team | None, problems: ProblemLog
) -> tuple[FollowUp, ...]:
    raw = front.get("follow_ups")
    if not isinstance(raw, LineList):
        return ()
    out = []
    for index, item in enumerate(raw):
        if not isinstance(item, LineDict) or not isinstance(item.get("action"), str):
            continue  # the schema named the problem
        line = raw.line_of(index)
        action = item["action"].strip()
        label = f"follow-up {index + 1} ({action!r})"
        owner = item.get("owner") if isinstance(item.get("owner"), str) else None
        if owner is None and not invalid.under("follow_ups", index, "owner"):
            problems.add(name, line, f"{label} has no owner; add `owner:` with a person's handle or a pod")
        elif owner is not None:
            owner = owner.strip().lstrip("@")
            check_person(team, owner, name, item.line_of("owner"), f"owner of {label}:", problems)
        due = _date(item, "due", name, label, invalid, ("follow_ups", index), problems)
        if "due" not in item:
            problems.add(name, line, f"{label} has no due date; add `due: YYYY-MM-DD`")
        status = item.get("status", "open")
        out.append(
            FollowUp(
                action=action,
                owner=owner,
                due=due,
                status=status if status in FOLLOW_UP_STATUSES else "open",  # the schema named a bad one
                closed=_date(item, "closed", name, label, invalid, ("follow_ups", index), problems),
                link=item["link"] if isinstance(item.get("link"), str) else None,
                line=line,
            )
        )
    return tuple(out)


def _date(
    item: LineDict, key: str, name: str, label: str, invalid: Invalid, where: tuple[object, ...], problems: ProblemLog
) -> date | None:
    value = item.get(key)
    if value is None or invalid.under(*where, key):
        return None
    try:
        return parse_date(value)
    except ParseError as exc:
        problems.add(name, item.line_of(key), f"{key} of {label}: {exc}")
        return None


def _unique(incidents: list[Incident], problems: ProblemLog) -> tuple[Incident, ...]:
    """The earlier file by name keeps an id (so a copy such as `INC-… (copy).md` never displaces the
    original); each later one is a problem at its id line and has no page, since the id is its address."""
    first: dict[str, Incident] = {}
    taken = {i.id for i in incidents}
    for incident in sorted(incidents, key=lambda i: name_order(i.file)):
        earlier = first.get(incident.id)
        if earlier is None:
            first[incident.id] = incident
            continue
        free = next_free_id(incident.id, taken)
        taken.add(free)  # two later copies are not both told the same free id
        problems.add(
            incident.file,
            incident.id_line or incident.line,
            f"duplicate incident id {incident.id}: {earlier.file} has it already, so this file is not "
            f"published; give this incident its own id, e.g. {free}",
        )
    return tuple(sorted(first.values(), key=lambda i: i.id))


def next_free_id(incident_id: str, taken: Collection[str]) -> str:
    """The first unused INC-YYYYMMDD-NN of the same day."""
    day = incident_id.split("-")[1]
    n = 1
    while f"INC-{day}-{n:02d}" in taken:
        n += 1
    return f"INC-{day}-{n:02d}"
