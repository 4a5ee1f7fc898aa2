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
        """RFCs open for review (soonest closing first), then overdue ones still in review."""
        return r.render("macros/open_rfcs.md.j2", current_page(), rfcs=open_for_review(hb.rfcs), days=days)

    return {"open_rfcs": open_rfcs}
