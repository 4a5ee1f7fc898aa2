"""Macro `next_ritual(name)`: the next occurrence of a ritual at the as-of date."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..render import macro_error

if TYPE_CHECKING:
    from ..handbook import Handbook
    from ..render import Renderer


def macros(hb: Handbook, r: Renderer, current_page: Callable[[], str]) -> dict[str, Callable[..., str]]:
    def next_ritual(name: str) -> str:
        """The next occurrence of the ritual called `name` (case-insensitive), linked to the cadence."""
        cadence = hb.cadence
        if cadence is None:
            return macro_error("no cadence file")
        wanted = name.strip().lower()
        ritual = next((x for x in cadence.rituals if x.name.lower() == wanted or x.slug == wanted), None)
        if ritual is None:
            known = ", ".join(x.name for x in cadence.rituals) or "none"
            return macro_error("unknown ritual “{name}” (known: {known})", name=name, known=known)
        return r.render("macros/next_ritual.md.j2", current_page(), ritual=ritual, cadence=cadence).strip()

    return {"next_ritual": next_ritual}
