"""The team and on-call as a kind of the handbook."""

from __future__ import annotations

from ..kind import Kind, Stage, fills
from .export import oncall_json, team_json
from .load import load_team
from .macros import macros
from .pages import team_pages

KIND = Kind(
    "team",
    index=("team.md", "Team and on-call"),
    stage=Stage.NAMED,
    load=fills("team", lambda hb, log: load_team(hb.settings, log)),  # None: no team file, names unchecked
    pages=team_pages,
    export=lambda hb: {"oncall": oncall_json(hb), "team": team_json(hb.team) if hb.team is not None else None},
    macros=macros,
)
