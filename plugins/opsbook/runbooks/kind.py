"""Runbooks as a kind of the handbook."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..kind import Kind, fills
from ..sourcemap import page_of_file
from .derive import runbook_findings, with_links, with_staleness
from .export import runbooks_json
from .load import load_runbooks
from .pages import runbook_pages

if TYPE_CHECKING:
    from ..handbook import Handbook
    from ..problems import ProblemLog


def derive(hb: Handbook, log: ProblemLog) -> Handbook:
    """Links to other pages, and staleness at the as-of date: reviewed before the service's latest
    incident of the two most severe levels?"""
    s = hb.settings
    major = [sev.id for sev in s.severities[:2]]
    linked = with_links(hb.runbooks, page_of_file(hb))
    return replace(hb, runbooks=with_staleness(linked, hb.incidents, major, s.as_of, s.runbook_stale_days, s.timezone))


KIND = Kind(
    "runbooks",
    section="runbooks",
    load=fills("runbooks", lambda hb, log: load_runbooks(hb.settings, log, hb.services, hb.team)),
    derive=derive,
    findings=lambda hb: runbook_findings(hb.runbooks, hb.services),
    pages=runbook_pages,
    export=lambda hb: {"runbooks": runbooks_json(hb)},
)
