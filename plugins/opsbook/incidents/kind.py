"""Incidents and postmortems as a kind of the handbook."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..kind import Kind
from ..services.load import has_service_sources
from .derive import budget_findings, derive_all, findings
from .export import incidents_json
from .load import load_incidents
from .macros import macros
from .pages import incident_pages

if TYPE_CHECKING:
    from ..handbook import Handbook
    from ..problems import Finding, ProblemLog


def load(hb: Handbook, log: ProblemLog) -> Handbook:
    # Services named by incidents are checked only when the handbook defines services at all.
    known = frozenset(hb.service_by_id) if has_service_sources(hb.settings) else None
    return replace(hb, incidents=load_incidents(hb.settings, log, known, hb.team, hb.reuse))


def derive(hb: Handbook, log: ProblemLog) -> Handbook:
    incidents, metrics = derive_all(hb.incidents, hb.services, hb.settings, hb.reuse)
    return replace(hb, incidents=incidents, incident_metrics=metrics)


def incident_findings(hb: Handbook) -> list[Finding]:
    """Ongoing incidents, postmortems and follow-ups, and error budgets exhausted or at risk."""
    out = findings(hb.incidents, hb.as_of, hb.settings.timezone)
    if hb.incident_metrics is not None:
        out += budget_findings(hb.incident_metrics.window_budgets, hb.settings.budget_at_risk)
    return out


KIND = Kind(
    "incidents",
    section="incidents",
    load=load,
    derive=derive,
    findings=incident_findings,
    pages=incident_pages,
    export=lambda hb: incidents_json(hb.incidents, hb.incident_metrics),
    macros=macros,
)
