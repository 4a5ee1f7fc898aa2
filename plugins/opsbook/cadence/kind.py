"""The operating cadence as a kind of the handbook."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..kind import Kind
from . import ics
from .derive import ritual_findings
from .export import rituals_json
from .load import load_cadence
from .macros import macros
from .pages import cadence_pages

if TYPE_CHECKING:
    from ..handbook import Handbook
    from ..problems import ProblemLog


def load(hb: Handbook, log: ProblemLog) -> Handbook:
    return replace(hb, cadence=load_cadence(hb.settings, log, hb.team))


KIND = Kind(
    "cadence",
    options=("cadence",),
    load=load,
    findings=lambda hb: ritual_findings(hb.cadence) if hb.cadence is not None else [],
    pages=cadence_pages,
    export=lambda hb: {"rituals": rituals_json(hb)},
    macros=macros,
    assets=lambda hb: [ics.asset(hb.cadence, hb.as_of)] if hb.cadence is not None else [],
)
