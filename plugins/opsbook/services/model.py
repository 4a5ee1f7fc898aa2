"""Frozen records of services, SLOs and their derived error budgets and burn-rate alerts."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from typing import Literal

AlertSeverity = Literal["page", "ticket"]
SloFormat = Literal["opsbook", "openslo/v1", "openslo/v1alpha", "sloth", "sloth-k8s", "pyrra"]

# A service id becomes page paths (services/<id>.md, maturity/<id>.md): checked before any use.
SERVICE_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,99}")
SERVICE_ID_HINT = "a service id is lower-case letters, digits and dashes, e.g. api or web-app"


def unknown_service(service: str, known: Iterable[str], slo_file: str) -> str:
    """The one wording, in every kind and the CLI, of a service id that names no service."""
    names = ", ".join(sorted(known)) or f"none yet (define services in {slo_file})"
    return f"service {service!r} is not a service of {slo_file}; use one of: {names}"


@dataclass(frozen=True)
class BurnRateAlert:
    """One multi-window, multi-burn-rate alert of the SRE workbook."""

    severity: AlertSeverity
    burn_rate: float  # multiple of the sustainable error rate
    long_window: str  # e.g. "1h"
    short_window: str  # e.g. "5m"
    error_rate: float  # fraction of bad events that triggers it (burn_rate * budget fraction)
    budget_spent: float  # fraction of the window's budget spent when it fires over the long window


@dataclass(frozen=True)
class Slo:
    """One service level objective with its derived error budget."""

    service: str
    sli: str  # availability | latency | freshness | correctness | any word
    objective: float  # percent, 0 < objective < 100
    window_days: float
    threshold: timedelta | None
    name: str  # human label, e.g. "Availability" or "Latency P95 < 200ms"
    description: str
    file: str
    line: int | None
    source_format: SloFormat
    budget_fraction: float
    budget_minutes: float
    alerts: tuple[BurnRateAlert, ...]
    calendar: bool = False  # a calendar window (this week, this month) rather than a rolling one
    budgeting_method: str | None = None  # OpenSLO's budgetingMethod as written (e.g. Occurrences)

    @property
    def threshold_ms(self) -> float | None:
        return None if self.threshold is None else round(self.threshold.total_seconds() * 1000, 3)


@dataclass(frozen=True)
class Service:
    """A service of the organisation, with its owner and SLOs."""

    id: str
    title: str
    owner: str | None
    description: str
    dashboards: tuple[str, ...]
    slos: tuple[Slo, ...]
    file: str
    line: int | None
    stage: str | None = None  # growth stage, e.g. mvp | growth | scale
    tier: str | None = None

    @property
    def page(self) -> str:
        return f"services/{self.id}.md"

    def slos_of(self, sli: str) -> tuple[Slo, ...]:
        return tuple(s for s in self.slos if s.sli == sli)
