"""Macro `next_ritual(name)`: the next occurrence of a ritual at the as-of date."""

from __future__ import annotations

from ..macro import MacroError, MacroScope, MacroSet, need


def macros(m: MacroScope) -> MacroSet:
    def next_ritual(name: str) -> str:
        """The next occurrence of the ritual called `name` (case-insensitive), linked to the cadence."""
        cadence = need(m.hb.cadence, "no cadence file")
        wanted = name.strip().lower()
        ritual = next((x for x in cadence.rituals if x.name.lower() == wanted or x.slug == wanted), None)
        if ritual is None:
            known = ", ".join(x.name for x in cadence.rituals) or "none"
            raise MacroError("unknown ritual “{name}” (known: {known})", name=name, known=known)
        return m.inline("macros/next_ritual.md.j2", ritual=ritual, cadence=cadence)

    return {"next_ritual": next_ritual}
