"""The decision log and the RFCs as one step of the build: RFCs name the decision they produced,
so both are loaded together and linked both ways; findings are derived at the as-of date."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..problems import ProblemLog
from ..rfcs.derive import derive as derive_rfcs
from ..rfcs.load import load_rfcs
from ..rfcs.model import Rfc
from ..settings import Settings
from .derive import with_findings
from .load import load_decisions, with_rfcs
from .model import Decision

SKIP_NOTE = "not read as a decision record: "

if TYPE_CHECKING:
    from ..team.model import Team


def load_decision_log(
    settings: Settings, problems: ProblemLog, team: Team | None = None
) -> tuple[tuple[Decision, ...], tuple[Rfc, ...]]:
    """(decisions, rfcs), fully derived. Files in decision folders that are not decisions (indexes,
    templates, annexes) become notes with the reason, never problems."""
    found = load_decisions(settings, problems, team)
    for skipped in found.skipped:
        problems.note(skipped.file, None, SKIP_NOTE + skipped.reason)
    today = settings.as_of.astimezone(settings.timezone).date()
    by_id = found.by_id()
    rfcs = derive_rfcs(load_rfcs(settings, problems, team, by_id.keys()), today)
    rfcs = tuple(
        replace(r, decision_page=by_id[r.decision].page, decision_title=by_id[r.decision].title)
        if r.decision in by_id
        else r
        for r in rfcs
    )
    produced: dict[str, list[str]] = {}
    for rfc in rfcs:
        if rfc.decision:
            produced.setdefault(rfc.decision, []).append(rfc.id)
    decisions = with_findings(with_rfcs(found.records, produced), today)
    return decisions, rfcs
