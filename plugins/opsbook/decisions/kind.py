"""The decision log as a kind of the handbook."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..kind import Kind
from .derive import decision_findings, with_findings
from .export import decisions_json
from .load import load_decisions, with_rfcs
from .macros import macros
from .model import SKIP_NOTE
from .pages import decision_assets, decision_pages

if TYPE_CHECKING:
    from ..handbook import Handbook
    from ..problems import ProblemLog


def load(hb: Handbook, log: ProblemLog) -> Handbook:
    """The records of every decisions folder. Files there that are not decisions (indexes,
    templates, annexes) become notes with the reason, never problems."""
    found = load_decisions(hb.settings, log, hb.team)
    for skipped in found.skipped:
        log.note(skipped.file, None, SKIP_NOTE + skipped.reason)
    return replace(hb, decisions=found.records)


def derive(hb: Handbook, log: ProblemLog) -> Handbook:
    """The RFCs that produced each record (RFCs name their decision) and findings at the as-of date."""
    produced: dict[str, list[str]] = {}
    for rfc in hb.rfcs:
        if rfc.decision:
            produced.setdefault(rfc.decision, []).append(rfc.id)
    return replace(hb, decisions=with_findings(with_rfcs(hb.decisions, produced), hb.settings.today))


KIND = Kind(
    "decisions",
    section="decisions",
    load=load,
    derive=derive,
    findings=lambda hb: decision_findings(hb.decisions),
    pages=decision_pages,
    export=decisions_json,
    macros=macros,
    assets=decision_assets,
)
