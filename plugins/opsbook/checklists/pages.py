"""Pages of the checklists section: the index and one page per checklist."""

from __future__ import annotations

from ..handbook import Handbook
from ..pages import GeneratedPage, item_page
from ..render import Renderer


def checklist_pages(hb: Handbook, r: Renderer) -> list[GeneratedPage]:
    """The Checklists index (in the nav) and a page per checklist (out of the nav)."""
    settings = hb.settings
    if not hb.checklists and not settings.path(settings.checklists).is_dir():
        return []
    pages = [
        GeneratedPage(
            path="checklists/index.md",
            title="Checklists",
            body=r.render(
                "checklists/index.md.j2", "checklists/index.md", checklists=hb.checklists, source=settings.checklists
            ),
            tags=("checklist",),
            in_nav=True,
        )
    ]
    for c in hb.checklists:
        pages.append(item_page(r, c, "checklists/checklist.md.j2", ("checklist", *c.tags), {"checklist": c}))
    return pages
