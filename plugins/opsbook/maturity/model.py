"""Frozen records of the rubric (levels, criteria, exemptions, attestations) and scorecards."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Final, Literal

from ..checks import Evidence
from ..checks.registry import ORGANISATION as ORGANISATION  # a criterion's scopes are its check's
from ..checks.registry import SERVICE, Scope
from ..checks.result import CheckOutcome

Outcome = CheckOutcome | Literal["exempt"]
EXEMPT: Final = "exempt"


@dataclass(frozen=True)
class Level:
    number: int
    name: str
    summary: str


@dataclass(frozen=True)
class Criterion:
    """What a level requires: a check over the data, or a manual attestation with evidence."""

    id: str
    level: int  # 2..5 (level 1 needs nothing)
    title: str
    scope: Scope
    check: str | None = None  # a check id; a service check at organisation scope must pass for every service
    attestation: bool = False
    description: str = ""
    services: tuple[str, ...] = ()  # only these services (empty: every service)
    source: str = "built-in"  # or file:line of ops/maturity.yml

    def applies_to(self, service: str) -> bool:
        return self.scope == SERVICE and (not self.services or service in self.services)


@dataclass(frozen=True)
class Exemption:
    """A criterion that does not count against a service (or the organisation) until a date."""

    criterion: str
    service: str | None  # None: an organisation criterion
    reason: str
    until: date  # inclusive: the exemption holds through this day
    file: str
    line: int | None

    def active(self, today: date) -> bool:
        return today <= self.until


@dataclass(frozen=True)
class Attestation:
    """A person vouching, with evidence, that an attestation criterion is met."""

    criterion: str
    service: str | None
    by: str
    on: date
    evidence: str  # URL or path of the evidence
    note: str
    until: date | None
    file: str
    line: int | None

    def active(self, today: date) -> bool:
        return self.until is None or today <= self.until


@dataclass(frozen=True)
class Rubric:
    levels: tuple[Level, ...]
    criteria: tuple[Criterion, ...]
    exemptions: tuple[Exemption, ...] = ()
    attestations: tuple[Attestation, ...] = ()
    file: str | None = None  # ops/maturity.yml when it exists
    replaced: bool = False  # the file dropped the built-in criteria

    def level(self, number: int) -> Level:
        return self.levels[number - 1]

    def of_scope(self, scope: str) -> tuple[Criterion, ...]:
        return tuple(c for c in self.criteria if c.scope == scope)


@dataclass(frozen=True)
class CriterionResult:
    criterion: Criterion
    outcome: Outcome
    detail: str
    evidence: tuple[Evidence, ...] = ()
    exemption: Exemption | None = None  # the one that applied, or an expired one worth showing

    @property
    def met(self) -> bool:
        """Counts towards the level: passed or exempt."""
        return self.outcome in ("pass", EXEMPT)


@dataclass(frozen=True)
class Scorecard:
    subject: str  # a service id, or "organisation"
    title: str
    page: str
    level: int
    results: tuple[CriterionResult, ...]

    @property
    def next_level(self) -> int | None:
        return self.level + 1 if self.level < 5 else None

    @property
    def missing(self) -> tuple[CriterionResult, ...]:
        """What stands between this subject and the next level."""
        return tuple(r for r in self.results if r.criterion.level == self.next_level and not r.met)

    def at_level(self, number: int) -> tuple[CriterionResult, ...]:
        return tuple(r for r in self.results if r.criterion.level == number)

    @cached_property
    def by_id(self) -> dict[str, CriterionResult]:
        return {r.criterion.id: r for r in self.results}


@dataclass(frozen=True)
class Maturity:
    rubric: Rubric
    services: tuple[Scorecard, ...]
    organisation: Scorecard
    expired: tuple[Exemption, ...] = field(default=())  # exemptions past their date: findings

    @cached_property
    def by_service(self) -> dict[str, Scorecard]:
        return {s.subject: s for s in self.services}

    @property
    def distribution(self) -> tuple[tuple[Level, tuple[Scorecard, ...]], ...]:
        return tuple((lv, tuple(s for s in self.services if s.level == lv.number)) for lv in self.rubric.levels)

    @property
    def service_criteria(self) -> tuple[Criterion, ...]:
        return self.rubric.of_scope(SERVICE)
