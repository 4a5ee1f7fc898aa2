"""Macro `on_call_now(rotation=None)`: who is on call at the as-of date."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..render import macro_error

if TYPE_CHECKING:
    from ..handbook import Handbook
    from ..render import Renderer


def macros(hb: Handbook, r: Renderer, current_page: Callable[[], str]) -> dict[str, Callable[..., str]]:
    def on_call_now(rotation: str | None = None) -> str:
        """Who is on call now: one rotation's person inline, or a table of every rotation."""
        team = hb.team
        if team is None or not team.oncall:
            return macro_error("no on-call rotation (add `rotations` to the team file)")
        chosen = list(team.oncall)
        if rotation is not None:
            chosen = [
                oc
                for oc in team.oncall
                if oc.rotation.name.lower() == rotation.strip().lower() or oc.rotation.slug == rotation.strip().lower()
            ]
            if not chosen:
                known = ", ".join(oc.rotation.name for oc in team.oncall)
                return macro_error("unknown rotation “{rotation}” (known: {known})", rotation=rotation, known=known)
        return r.render(
            "macros/on_call_now.md.j2", current_page(), oncalls=chosen, team=team, inline=rotation is not None
        ).strip()

    return {"on_call_now": on_call_now}
