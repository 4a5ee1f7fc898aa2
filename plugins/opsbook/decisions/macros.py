"""Macros for hand-written pages: `decision_log(tag, n)`."""

from __future__ import annotations

from ..macro import MacroScope, MacroSet
from .pages import timeline
from .status import BADGE


def macros(m: MacroScope) -> MacroSet:
    def decision_log(tag: str | None = None, n: int | None = None) -> str:
        """The newest decision records, optionally only those with `tag`, at most `n` of them."""
        records = [d for d in timeline(m.hb.decisions) if tag is None or tag.lower() in d.tags]
        if n is not None:
            records = records[: max(0, int(n))]
        return m.block("macros/decision_log.md.j2", records=records, tag=tag, badges=BADGE)

    return {"decision_log": decision_log}
