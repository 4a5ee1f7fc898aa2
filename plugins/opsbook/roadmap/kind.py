"""The roadmap as a kind of the handbook."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..kind import Kind, fills
from ..sourcemap import page_of_file
from .derive import link_roadmap, roadmap_findings
from .export import roadmap_json
from .load import load_roadmap
from .macros import macros
from .pages import roadmap_pages

if TYPE_CHECKING:
    from ..handbook import Handbook
    from ..problems import ProblemLog


def derive(hb: Handbook, log: ProblemLog) -> Handbook:
    """The decisions and RFCs each item names, and links to the pages of the files it names."""
    if hb.roadmap is None:
        return hb
    return replace(hb, roadmap=link_roadmap(hb.roadmap, hb.decisions, hb.rfcs, page_of_file(hb)))


KIND = Kind(
    "roadmap",
    index=("roadmap.md", "Roadmap"),
    load=fills("roadmap", lambda hb, log: load_roadmap(hb.settings, log, hb.team)),
    derive=derive,
    findings=lambda hb: roadmap_findings(hb.roadmap) if hb.roadmap is not None else [],
    pages=roadmap_pages,
    export=lambda hb: {"roadmap": roadmap_json(hb)},
    macros=macros,
)
