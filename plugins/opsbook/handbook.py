"""The whole handbook after loading and derivation: one frozen value per build."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import TYPE_CHECKING

from .cadence.model import Cadence
from .checklists.model import Checklist
from .decisions.model import Decision
from .incidents.model import Incident, Metrics
from .maturity.model import Maturity
from .onboarding.model import Onboarding
from .preview.model import Changes
from .problems import Finding, Note, Problem
from .rfcs.model import Rfc
from .roadmap.model import Roadmap
from .runbooks.derive import by_service
from .runbooks.model import Runbook
from .services.model import Service
from .settings import Settings
from .sourced import Sourced
from .team.model import Team

if TYPE_CHECKING:
    from .kind import Kind
    from .reuse import Reuse


@dataclass(frozen=True)
class Handbook:
    """Every item of every kind, the problems found loading them and the findings derived."""

    settings: Settings
    kinds: tuple[Kind, ...] = ()  # the registry it was built with (build.py): what the source map reads
    services: tuple[Service, ...] = ()
    # Kinds below are filled in by their own packages (see build.py for the order).
    incidents: tuple[Incident, ...] = ()
    incident_metrics: Metrics | None = None  # counts, means, rates, budget this window
    decisions: tuple[Decision, ...] = ()
    rfcs: tuple[Rfc, ...] = ()
    runbooks: tuple[Runbook, ...] = ()
    cadence: Cadence | None = None
    team: Team | None = None  # None: no team file, so names are not checked
    roadmap: Roadmap | None = None
    checklists: tuple[Checklist, ...] = ()
    maturity: Maturity | None = None  # scorecards, derived once every other kind is loaded
    onboarding: Onboarding | None = None
    changes: Changes | None = None  # preview builds only: what changed since the base ref
    problems: tuple[Problem, ...] = ()
    findings: tuple[Finding, ...] = field(default=())
    notes: tuple[Note, ...] = ()  # documents skipped on purpose (e.g. an OpenSLO AlertPolicy)
    # Serving: the previous rebuild's results, reused when their inputs are equal (reuse.py).
    reuse: Reuse | None = field(default=None, compare=False, repr=False)

    @property
    def as_of(self) -> datetime:
        return self.settings.as_of

    def sourced_items(self) -> Iterator[Sourced]:
        """Every item with a page of its own, for the source map (which page shows a file)."""
        yield from self.incidents
        yield from self.decisions
        yield from self.rfcs
        yield from self.runbooks
        yield from self.checklists

    @cached_property
    def service_by_id(self) -> dict[str, Service]:
        return {s.id: s for s in self.services}

    @cached_property
    def runbook_by_service(self) -> dict[str, Runbook]:
        """The runbook of each service that has one (service id -> runbook)."""
        return by_service(self.runbooks)
