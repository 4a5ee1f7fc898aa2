"""The whole handbook after loading and derivation: one frozen value per build."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import Any

from .problems import Finding, Problem
from .services.model import Service
from .settings import Settings


@dataclass(frozen=True)
class Handbook:
    """Every item of every kind, the problems found loading them and the findings derived."""

    settings: Settings
    services: tuple[Service, ...] = ()
    # Kinds below are filled in by their own packages (see build.py for the order).
    incidents: tuple[Any, ...] = ()
    decisions: tuple[Any, ...] = ()
    rfcs: tuple[Any, ...] = ()
    runbooks: tuple[Any, ...] = ()
    cadence: Any = None
    team: Any = None
    roadmap: Any = None
    checklists: tuple[Any, ...] = ()
    maturity: Any = None
    onboarding: Any = None
    changes: Any = None
    problems: tuple[Problem, ...] = ()
    findings: tuple[Finding, ...] = field(default=())

    @property
    def as_of(self) -> datetime:
        return self.settings.as_of

    @cached_property
    def service_by_id(self) -> dict[str, Service]:
        return {s.id: s for s in self.services}
