"""Macros for hand-written pages: `open_rfcs()` for the home page."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from .pages import days, open_for_review

if TYPE_CHECKING:
    from ..handbook import Handbook
    from ..render import Renderer


def macros(hb: Handbook, r: Renderer, current_page: Callable[[], str]) -> dict[str, Callable[..., str]]:
    def open_rfcs() -> str:
        """RFCs in their review window (soonest closing first); below them, apart, the ones past their
        window and still in review, which are never listed as open."""
        listed = open_for_review(hb.rfcs)
        return r.render(
            "macros/open_rfcs.md.j2",
            current_page(),
            rfcs=[x for x in listed if x.review_state == "open"],
            overdue=[x for x in listed if x.review_state == "overdue"],
            days=days,
        )

    return {"open_rfcs": open_rfcs}
