"""Pages of the RFC process: the index grouped by review state and a page per RFC."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from .. import sourcemap
from ..handbook import Handbook
from ..links import rewrite_links
from ..pages import GeneratedPage, item_page
from ..render import Renderer
from .model import Rfc

# Badge colour per RFC status.
BADGE = {"review": "info", "accepted": "good", "implemented": "good", "rejected": "bad", "withdrawn": "warn"}
SECTIONS = (
    ("open", "Open for review", "Comment now: the review window is open."),
    ("overdue", "Overdue", "The review window has closed but no outcome is recorded yet."),
    ("upcoming", "Upcoming", "Review opens soon."),
    ("unscheduled", "Drafts", "Not yet scheduled for review."),
    ("closed", "Closed", "Decided: accepted, rejected, withdrawn or implemented."),
)


def days(rfc: Rfc) -> str:
    """`6 days left`, `closes today`, `overdue by 8 days`; empty when not open or overdue."""
    n = rfc.days_left
    if n is None:
        return ""
    if n == 0:
        return "closes today"
    if n > 0:
        return f"{n} day{'s' if n != 1 else ''} left"
    return f"overdue by {-n} day{'s' if n != -1 else ''}"


def sort_key(rfc: Rfc) -> tuple[Any, ...]:
    return (rfc.closes or rfc.opens or rfc.id[:7], rfc.id)


def rfc_pages(hb: Handbook, r: Renderer) -> list[GeneratedPage]:
    s = hb.settings
    if not hb.rfcs and not s.path(s.rfcs).is_dir():
        return []
    by_state: dict[str, list[Rfc]] = {}
    for rfc in hb.rfcs:
        by_state.setdefault(rfc.review_state, []).append(rfc)
    for state, group in by_state.items():
        group.sort(key=lambda x: (str(sort_key(x)[0]), x.id), reverse=state == "closed")
    ctx = {"badges": BADGE, "days": days}
    pages = [
        GeneratedPage(
            path="rfcs/index.md",
            title="RFCs",
            body=r.render(
                "rfcs/index.md.j2",
                "rfcs/index.md",
                rfcs=hb.rfcs,
                by_state=by_state,
                sections=SECTIONS,
                folder=s.rfcs,
                **ctx,
            ),
            tags=("rfc",),
            source=s.rfcs,
            in_nav=True,
        )
    ]
    find = sourcemap.resolver(hb)

    def resolve(path: str) -> str | None:  # a file an RFC links to -> the page showing it, if any
        hit = find(path)
        return hit[0] if hit is not None and s.path(path).exists() else None

    for rfc in hb.rfcs:
        shown = replace(rfc, body=rewrite_links(rfc.body, rfc.file, rfc.page, resolve))
        tags = dict.fromkeys(("rfc", *([rfc.status] if rfc.status else []), *rfc.tags))
        pages.append(item_page(r, rfc, "rfcs/rfc.md.j2", tags, {"r": shown, **ctx}))
    return pages


def open_for_review(rfcs: tuple[Rfc, ...]) -> list[Rfc]:
    """RFCs in their review window, soonest closing first, then overdue ones (still in review)."""
    open_ = sorted((x for x in rfcs if x.review_state == "open"), key=lambda x: (x.days_left or 0, x.id))
    late = sorted((x for x in rfcs if x.review_state == "overdue"), key=lambda x: (x.days_left or 0, x.id))
    return open_ + late
