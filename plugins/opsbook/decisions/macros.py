"""Macros for hand-written pages: `open_rfcs()` for the home page and `decision_log(tag, n)`."""

from __future__ import annotations

from collections.abc import Callable

from ..handbook import Handbook
from ..render import Renderer
from ..rfcs.pages import days, open_for_review
from .pages import timeline
from .status import BADGE


def macros(hb: Handbook, r: Renderer, current_page: Callable[[], str]) -> dict[str, Callable[..., str]]:
    def open_rfcs() -> str:
        """RFCs open for review (soonest closing first), then overdue ones still in review."""
        return r.render("macros/open_rfcs.md.j2", current_page(), rfcs=open_for_review(hb.rfcs), days=days)

    def decision_log(tag: str | None = None, n: int | None = None) -> str:
        """The newest decision records, optionally only those with `tag`, at most `n` of them."""
        records = [d for d in timeline(hb.decisions) if tag is None or tag.lower() in d.tags]
        if n is not None:
            records = records[: max(0, int(n))]
        return r.render("macros/decision_log.md.j2", current_page(), records=records, tag=tag, badges=BADGE)

    return {"open_rfcs": open_rfcs, "decision_log": decision_log}
