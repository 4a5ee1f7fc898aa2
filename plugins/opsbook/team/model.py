"""Frozen records of people, pods, roles, on-call rotations and the team as a whole."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from functools import cached_property
from typing import Literal

from ..problems import ProblemLog

WEEKDAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


RotationCadence = Literal["weekly", "biweekly"]


@dataclass(frozen=True)
class Person:
    """Someone in the team file: who they are, what they do, where and since when."""

    handle: str
    name: str
    roles: tuple[str, ...] = ()
    pod: str | None = None
    timezone: str | None = None
    joined: date | None = None
    line: int | None = None

    @property
    def anchor(self) -> str:
        """Anchor of the person's row on the team page (`team.md#person-alice`)."""
        return f"person-{self.handle}"


@dataclass(frozen=True)
class Pod:
    """A small cross-functional team; services and rituals may name it as their owner."""

    name: str
    title: str = ""
    description: str = ""
    line: int | None = None


@dataclass(frozen=True)
class Role:
    """A role people hold, with what the role is responsible for."""

    name: str
    description: str
    responsibilities: tuple[str, ...] = ()
    line: int | None = None

    @property
    def anchor(self) -> str:
        slug = "".join(c if c.isalnum() else "-" for c in self.name.lower()).strip("-")
        return "role-" + "-".join(p for p in slug.split("-") if p)


@dataclass(frozen=True)
class Rotation:
    """An on-call rotation: members take `period_weeks`-long shifts starting at the handoff."""

    name: str
    cadence: RotationCadence
    start: date  # the first shift begins at the first handoff on or after this date
    handoff_day: int  # 0 = Monday, as datetime.weekday()
    handoff_time: time
    timezone: str  # IANA zone of the handoff (wall-clock time, so DST moves the UTC instant)
    members: tuple[str, ...]
    description: str = ""
    pager: str | None = None
    line: int | None = None

    @property
    def period_weeks(self) -> int:
        return 2 if self.cadence == "biweekly" else 1

    @property
    def handoff(self) -> str:
        """The handoff as written in the team file, e.g. `mon 10:00`."""
        return f"{WEEKDAYS[self.handoff_day]} {self.handoff_time.strftime('%H:%M')}"

    @property
    def slug(self) -> str:
        slug = "".join(c if c.isalnum() else "-" for c in self.name.lower())
        return "-".join(p for p in slug.split("-") if p) or "rotation"


@dataclass(frozen=True)
class Shift:
    """One shift of a rotation: who is on call from `start` (inclusive) to `end` (exclusive)."""

    rotation: str
    handle: str
    start: datetime  # aware, in the rotation's zone
    end: datetime
    index: int  # shift number since the rotation started (0 = first shift)


@dataclass(frozen=True)
class OnCall:
    """A rotation at the as-of date: the current shift (None before it starts) and the next ones."""

    rotation: Rotation
    current: Shift | None
    schedule: tuple[Shift, ...]  # the current shift and the following ones over the next weeks


@dataclass(frozen=True)
class Team:
    """Everyone who can own, decide, coordinate or be on call; `knows` checks a reference."""

    file: str
    people: tuple[Person, ...] = ()
    pods: frozenset[str] = frozenset()
    roles: tuple[Role, ...] = ()
    rotations: tuple[Rotation, ...] = ()
    pod_details: tuple[Pod, ...] = ()  # every pod in `pods`, with title and description when given
    timezone: str | None = None  # the team file's default zone for rotations
    oncall: tuple[OnCall, ...] = ()  # derived at the as-of date, one per rotation

    @cached_property  # knows() runs for every person reference of every item
    def handles(self) -> frozenset[str]:
        return frozenset(p.handle for p in self.people)

    @cached_property
    def person_by_handle(self) -> dict[str, Person]:
        return {p.handle: p for p in self.people}

    @cached_property
    def role_by_name(self) -> dict[str, Role]:
        return {r.name.lower(): r for r in self.roles}

    def knows(self, name: str) -> bool:
        """A handle (with or without a leading @) or a pod name from the team file."""
        bare = name.strip().lstrip("@")
        return bare in self.handles or bare in self.pods

    def knows_role(self, name: str) -> bool:
        """A role defined in the team file (case-insensitive), e.g. `EM/TPM`."""
        return name.strip().lower() in self.role_by_name

    def people_in(self, pod: str | None) -> tuple[Person, ...]:
        return tuple(p for p in self.people if p.pod == pod)

    def holders(self, role: str) -> tuple[Person, ...]:
        """The people who hold a role (by its name as defined)."""
        return tuple(p for p in self.people if role in p.roles)


def check_person(team: Team | None, who: object, file: str, line: int | None, what: str, problems: ProblemLog) -> None:
    """Log a problem when `who` names nobody in the team file (no team file -> anything goes)."""
    if team is None or who is None or not isinstance(who, str) or team.knows(who):
        return
    problems.add(file, line, f"{what} {who!r} is not a person or pod in {team.file}; use a handle or pod defined there")


def check_person_or_role(
    team: Team | None, who: object, file: str, line: int | None, what: str, problems: ProblemLog
) -> None:
    """Like `check_person`, but a role of the team file (e.g. `EM/TPM`) also counts."""
    if team is None or not isinstance(who, str) or team.knows(who) or team.knows_role(who):
        return
    problems.add(
        file,
        line,
        f"{what} {who!r} is not a person, pod or role in {team.file}; use a handle, a pod or a role defined there",
    )
