"""Macro `on_call_now(rotation=None)`: who is on call at the as-of date."""

from __future__ import annotations

from ..macro import MacroError, MacroScope, MacroSet


def macros(m: MacroScope) -> MacroSet:
    def on_call_now(rotation: str | None = None) -> str:
        """Who is on call now: one rotation's person inline, or a table of every rotation."""
        team = m.hb.team
        if team is None or not team.oncall:
            raise MacroError("no on-call rotation (add `rotations` to the team file)")
        chosen = list(team.oncall)
        if rotation is not None:
            wanted = rotation.strip().lower()
            chosen = [oc for oc in team.oncall if wanted in (oc.rotation.name.lower(), oc.rotation.slug)]
            if not chosen:
                known = ", ".join(oc.rotation.name for oc in team.oncall)
                raise MacroError("unknown rotation “{rotation}” (known: {known})", rotation=rotation, known=known)
        return m.inline("macros/on_call_now.md.j2", oncalls=chosen, team=team, inline=rotation is not None)

    return {"on_call_now": on_call_now}
