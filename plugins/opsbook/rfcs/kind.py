"""RFCs as a kind of the handbook."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..kind import Kind
from .derive import derive as derive_rfcs
from .derive import rfc_findings
from .export import rfcs_json
from .load import load_rfcs
from .macros import macros
from .pages import rfc_pages

if TYPE_CHECKING:
    from ..handbook import Handbook
    from ..problems import ProblemLog


def load(hb: Handbook, log: ProblemLog) -> Handbook:
    """RFCs after the decision log: each names the decision record it produced, linked here."""
    by_id = {d.id: d for d in hb.decisions}
    rfcs = derive_rfcs(load_rfcs(hb.settings, log, hb.team, by_id.keys()), hb.settings.today)
    linked = tuple(
        replace(r, decision_page=by_id[r.decision].page, decision_title=by_id[r.decision].title)
        if r.decision in by_id
        else r
        for r in rfcs
    )
    return replace(hb, rfcs=linked)


KIND = Kind(
    "rfcs",
    section="rfcs",
    load=load,
    findings=lambda hb: rfc_findings(hb.rfcs),
    pages=rfc_pages,
    export=rfcs_json,
    macros=macros,
)
