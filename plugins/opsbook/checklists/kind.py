"""Checklists as a kind of the handbook."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..kind import Kind, Stage
from .export import checklists_json
from .load import load_checklists
from .pages import checklist_pages

if TYPE_CHECKING:
    from ..handbook import Handbook
    from ..problems import ProblemLog


def load(hb: Handbook, log: ProblemLog) -> Handbook:
    return replace(hb, checklists=load_checklists(hb, log))


KIND = Kind(
    "checklists",
    options=("checklists",),
    stage=Stage.PRACTICE,
    load=load,
    pages=checklist_pages,
    export=lambda hb: {"checklists": checklists_json(hb)},
)
