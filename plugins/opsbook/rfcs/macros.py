"""Macros for hand-written pages: `open_rfcs()` for the home page."""

from __future__ import annotations

from ..macro import MacroScope, MacroSet
from .pages import days, open_for_review


def macros(m: MacroScope) -> MacroSet:
    def open_rfcs() -> str:
        """RFCs in their review window (soonest closing first); below them, apart, the ones past their
        window and still in review, which are never listed as open."""
        listed = open_for_review(m.hb.rfcs)
        return m.block(
            "macros/open_rfcs.md.j2",
            rfcs=[x for x in listed if x.review_state == "open"],
            overdue=[x for x in listed if x.review_state == "overdue"],
            days=days,
        )

    return {"open_rfcs": open_rfcs}
