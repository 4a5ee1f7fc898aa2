"""The operating cadence as a kind of the handbook."""

from __future__ import annotations

from ..kind import Kind, fills
from . import ics
from .derive import ritual_findings
from .export import rituals_json
from .load import load_cadence
from .macros import macros
from .pages import cadence_pages

KIND = Kind(
    "cadence",
    index=("cadence.md", "Operating cadence"),
    load=fills("cadence", lambda hb, log: load_cadence(hb.settings, log, hb.team)),
    findings=lambda hb: ritual_findings(hb.cadence) if hb.cadence is not None else [],
    pages=cadence_pages,
    export=lambda hb: {"rituals": rituals_json(hb)},
    macros=macros,
    assets=lambda hb: [ics.asset(hb.cadence, hb.as_of)] if hb.cadence is not None else [],
)
