"""Macro `roadmap_items(handle)`: the roadmap items a person is the DRI of."""

from __future__ import annotations

from ..macro import MacroError, MacroScope, MacroSet, need
from .derive import roadmap_items_of


def macros(m: MacroScope) -> MacroSet:
    def roadmap_items(handle: str) -> str:
        """A list of the roadmap items whose DRI is `handle` (with or without @), by section."""
        roadmap = need(m.hb.roadmap, "no roadmap (ROADMAP.md)")
        bare = handle.strip().lstrip("@")
        team = m.hb.team
        if team is not None and bare not in team.handles:
            raise MacroError("unknown person “{handle}” (not in {file})", handle=handle, file=team.file)
        return m.inline(
            "macros/roadmap_items.md.j2", roadmap=roadmap, handle=bare, items=roadmap_items_of(roadmap, bare)
        )

    return {"roadmap_items": roadmap_items}
