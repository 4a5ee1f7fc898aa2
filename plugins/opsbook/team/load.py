"""Loading `ops/team.yml`: people, pods, roles and on-call rotations."""

from __future__ import annotations

import re
from datetime import time
from typing import Any, cast
from zoneinfo import ZoneInfo

from .. import content
from ..problems import ProblemLog
from ..settings import Settings
from ..sources import present, read_yaml
from ..timeparse import ParseError, parse_date, parse_zone
from ..validate import check, parsed
from ..yamlio import LineDict, LineList
from .derive import oncall
from .model import WEEKDAYS, Person, Pod, Role, Rotation, RotationCadence, Team

# The roles of the source chapter (`content/roles.yml`); a team file's `roles` add to these or
# redefine one by name.
DEFAULT_ROLES: tuple[Role, ...] = tuple(
    Role(r["name"], r["description"], tuple(r.get("responsibilities", ()))) for r in content.load("roles")["roles"]
)

_HANDOFF = re.compile(r"^\s*([A-Za-z]+)\s+(\d{1,2}):(\d{2})\s*$")
_FULL_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
HANDOFF_HINT = 'a handoff is a weekday and a 24-hour time, e.g. "mon 10:00"'


def parse_handoff(text: str) -> tuple[int, time]:
    """`mon 10:00` -> (0, 10:00); full day names (`Monday`) work too."""
    match = _HANDOFF.match(str(text))
    word = match.group(1).lower() if match else ""
    day = word[:3]
    if not match or day not in WEEKDAYS or word not in (day, _FULL_DAYS[WEEKDAYS.index(day)]):
        raise ParseError(f"{text!r} is not a handoff; {HANDOFF_HINT}")
    hour, minute = int(match.group(2)), int(match.group(3))
    if hour > 23 or minute > 59:
        raise ParseError(f"{text!r} has no such time of day; {HANDOFF_HINT}")
    return WEEKDAYS.index(day), time(hour, minute)


def load_team(settings: Settings, problems: ProblemLog) -> Team | None:
    """The team, or None without a team file (then nobody's name is checked)."""
    path = settings.path(settings.team)
    if not present(path):
        return None
    name = settings.team
    data = read_yaml(path, name, problems, settings.root, "a mapping with `people`, `pods`, `roles` and `rotations`")
    # An unreadable file is one problem; checking every name against an empty team would add a
    # spurious problem for each person named anywhere, so names go unchecked until it is fixed.
    if data is None:
        return None
    if not isinstance(data, LineDict):
        problems.add(
            name, getattr(data, "line", 1), "the file must be a mapping with `people`, `pods`, `roles` and `rotations`"
        )
        return None
    invalid = check(data, "team", name, problems)
    team_zone = _str(data.get("timezone"))
    if (
        team_zone is not None
        and not invalid.under("timezone")
        and not parsed(data, "timezone", parse_zone, name, problems)
    ):
        team_zone = None
    roles = _roles(data.get("roles"), name, invalid, problems)
    declared = _pods(data.get("pods"), invalid)
    people = _people(data.get("people"), name, invalid, problems, roles, {p.name for p in declared})
    # Declared pods in the file's order, then pods only named by people, sorted.
    undeclared = sorted({p.pod for p in people if p.pod} - {d.name for d in declared})
    pod_details = (*declared, *(Pod(n) for n in undeclared))
    pods = [d.name for d in pod_details]
    handles = {p.handle for p in people}
    rotations = _rotations(data.get("rotations"), name, invalid, problems, handles, team_zone or settings.timezone.key)
    return Team(
        file=name,
        people=people,
        pods=frozenset(pods),
        roles=roles,
        rotations=rotations,
        pod_details=pod_details,
        timezone=team_zone,
        oncall=tuple(oncall(r, settings.as_of) for r in rotations),
    )


def _roles(raw: Any, file: str, invalid: Any, problems: ProblemLog) -> tuple[Role, ...]:
    roles = {r.name.lower(): r for r in DEFAULT_ROLES}
    if isinstance(raw, LineList):
        seen: set[str] = set()
        for index, item in enumerate(raw):
            if invalid.under("roles", index) or not isinstance(item, LineDict):
                continue
            key = str(item["name"]).strip().lower()
            if key in seen:
                problems.add(
                    file, raw.line_of(index), f"role {item['name']!r} is defined twice; give each role one entry"
                )
                continue
            seen.add(key)
            roles[key] = Role(
                name=str(item["name"]).strip(),
                description=_str(item.get("description")) or "",
                responsibilities=tuple(str(x) for x in item.get("responsibilities") or ()),
                line=raw.line_of(index),
            )
    return tuple(roles.values())


def _pods(raw: Any, invalid: Any) -> tuple[Pod, ...]:
    if not isinstance(raw, LineDict):
        return ()
    pods = []
    for pod, info in raw.items():
        if invalid.under("pods", pod):
            continue
        entry = info if isinstance(info, LineDict) else LineDict()
        pods.append(Pod(pod, _str(entry.get("title")) or "", _str(entry.get("description")) or "", raw.line_of(pod)))
    return tuple(pods)


def _people(
    raw: Any, file: str, invalid: Any, problems: ProblemLog, roles: tuple[Role, ...], declared_pods: set[str]
) -> tuple[Person, ...]:
    role_names = {r.name.lower(): r.name for r in roles}
    people: dict[str, Person] = {}
    for item, line in invalid.entries(raw, "people"):
        handle = str(item["handle"])
        if handle in people:
            problems.add(
                file,
                line,
                f"handle {handle!r} is used twice (first on line "
                f"{people[handle].line}); every person needs a unique handle",
            )
            continue
        joined = parsed(item, "joined", parse_date, file, problems) if "joined" in item else None
        pod = _str(item.get("pod"))
        if pod is not None and declared_pods and pod not in declared_pods:
            problems.add(
                file,
                item.line_of("pod"),
                f"pod {pod!r} is not one of the pods of this file; use one of: {', '.join(sorted(declared_pods))}",
            )
        zone = parsed(item, "timezone", parse_zone, file, problems) if item.get("timezone") is not None else None
        person_roles = []
        for r_index, role in enumerate(item.get("roles") or ()):
            known = role_names.get(str(role).strip().lower())
            if known is None:
                problems.add(
                    file,
                    item["roles"].line_of(r_index),
                    f"role {role!r} is not defined; use one of: {', '.join(role_names.values())} "
                    "or define it under `roles`",
                )
            else:
                person_roles.append(known)
        people[handle] = Person(
            handle=handle,
            name=_str(item.get("name")) or handle,
            roles=tuple(person_roles),
            pod=pod,
            timezone=zone.key if zone else None,
            joined=joined,
            line=line,
        )
    return tuple(people.values())


def _rotations(
    raw: Any, file: str, invalid: Any, problems: ProblemLog, handles: set[str], default_zone: str
) -> tuple[Rotation, ...]:
    rotations: dict[str, Rotation] = {}
    for item, line in invalid.entries(raw, "rotations"):
        rname = str(item["name"])
        if rname in rotations:
            problems.add(file, line, f"rotation {rname!r} is defined twice; give each rotation a unique name")
            continue
        start = parsed(item, "start", parse_date, file, problems)
        handoff = parsed(item, "handoff", parse_handoff, file, problems)
        zone = parsed(item, "timezone", parse_zone, file, problems) if item.get("timezone") else ZoneInfo(default_zone)
        ok = True
        members = item["members"]
        for m_index, member in enumerate(members):
            if str(member).lstrip("@") not in handles:
                problems.add(
                    file,
                    members.line_of(m_index),
                    f"rotation member {member!r} is not a "
                    "person in `people`; use a person's handle (a pod cannot be on call)",
                )
                ok = False
        if not ok or start is None or handoff is None or zone is None:
            continue  # a rotation with a bad field would name the wrong person on call: leave it out
        rotations[rname] = Rotation(
            name=rname,
            cadence=cast(RotationCadence, str(item.get("cadence") or "weekly")),  # checked by the schema
            start=start,
            handoff_day=handoff[0],
            handoff_time=handoff[1],
            timezone=zone.key,
            members=tuple(str(m).lstrip("@") for m in members),
            description=_str(item.get("description")) or "",
            pager=_str(item.get("pager")),
            line=line,
        )
    return tuple(rotations.values())


def _str(value: Any) -> str | None:
    return None if value is None else str(value)
