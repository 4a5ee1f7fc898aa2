"""Macros for hand-written pages: `decision_log(tag, n)`."""

from __future__ import annotations

from collections.abc import Callable

from ..handbook import Handbook
from ..render import Renderer
from .pages import timeline
from .status import BADGE


def macros(hb: Handbook, r: Renderer, current_page: Callable[[], str]) -> dict[str, Callable[..., str]]:
    def decision_log(tag: str | None = None, n: int | None = None) -> str:
        """The newest decision records, optionally only those with `tag`, at most `n` of them."""
        records = [d for d in timeline(hb.decisions) if tag is None or tag.lower() in d.tags]
        if n is not None:
            records = records[: max(0, int(n))]
        return r.render("macros/decision_log.md.j2", current_page(), records=records, tag=tag, badges=BADGE)

    return {"decision_log": decision_log}
