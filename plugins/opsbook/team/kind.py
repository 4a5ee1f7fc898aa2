"""The team and on-call as a kind of the handbook."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..kind import Kind, Stage
from .export import oncall_json, team_json
from .load import load_team
from .macros import macros
from .pages import team_pages

if TYPE_CHECKING:
    from ..handbook import Handbook
    from ..problems import ProblemLog


def load(hb: Handbook, log: ProblemLog) -> Handbook:
    return replace(hb, team=load_team(hb.settings, log))  # None: no team file, names are not checked


KIND = Kind(
    "team",
    options=("team",),
    stage=Stage.NAMED,
    load=load,
    pages=team_pages,
    export=lambda hb: {"oncall": oncall_json(hb), "team": team_json(hb)},
    macros=macros,
)
