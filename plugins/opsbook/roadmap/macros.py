"""Macro `roadmap_items(handle)`: the roadmap items a person is the DRI of."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..render import macro_error
from .derive import roadmap_items_of

if TYPE_CHECKING:
    from ..handbook import Handbook
    from ..render import Renderer


def macros(hb: Handbook, r: Renderer, current_page: Callable[[], str]) -> dict[str, Callable[..., str]]:
    def roadmap_items(handle: str) -> str:
        """A list of the roadmap items whose DRI is `handle` (with or without @), by section."""
        roadmap = hb.roadmap
        if roadmap is None:
            return macro_error("no roadmap (ROADMAP.md)")
        bare = handle.strip().lstrip("@")
        if hb.team is not None and bare not in hb.team.handles:
            return macro_error("unknown person “{handle}” (not in {file})", handle=handle, file=hb.team.file)
        return r.render(
            "macros/roadmap_items.md.j2",
            current_page(),
            roadmap=roadmap,
            handle=bare,
            items=roadmap_items_of(roadmap, bare),
        ).strip()

    return {"roadmap_items": roadmap_items}
