"""Checklists as a kind of the handbook."""

from __future__ import annotations

from ..kind import Kind, Stage, fills
from .export import checklists_json
from .load import load_checklists
from .pages import checklist_pages

KIND = Kind(
    "checklists",
    section="checklists",
    stage=Stage.PRACTICE,
    load=fills("checklists", load_checklists),
    pages=checklist_pages,
    export=lambda hb: {"checklists": checklists_json(hb)},
)
