"""Pages of the runbooks section: the index with review ages and one page per runbook."""

from __future__ import annotations

from ..handbook import Handbook
from ..pages import GeneratedPage
from ..render import Renderer


def runbook_pages(hb: Handbook, r: Renderer) -> list[GeneratedPage]:
    """The Runbooks index (in the nav) and a page per runbook (out of the nav)."""
    folder = hb.settings.runbooks
    if not hb.runbooks and not hb.settings.path(folder).exists():
        return []
    index = hb.runbook_by_service
    service_runbooks = [index[s.id] for s in hb.services if s.id in index]
    others = sorted((rb for rb in hb.runbooks if not rb.is_service_runbook), key=lambda rb: rb.page)
    missing = [s for s in hb.services if s.slos and s.id not in index]
    pages = [
        GeneratedPage(
            path="runbooks/index.md",
            title="Runbooks",
            body=r.render(
                "runbooks/index.md.j2",
                "runbooks/index.md",
                service_runbooks=service_runbooks,
                others=others,
                missing=missing,
                folder=folder,
                stale_days=hb.settings.runbook_stale_days,
            ),
            tags=("runbook",),
            in_nav=True,
        )
    ]
    for rb in hb.runbooks:
        service = hb.service_by_id.get(rb.service) if rb.known_service else None
        tags = ["runbook"]
        if service is not None:
            tags.append(service.id)
        if rb.stale:
            tags.append("stale")
        pages.append(
            GeneratedPage(
                path=rb.page,
                title=rb.title,
                body=r.render(
                    "runbooks/runbook.md.j2", rb.page, rb=rb, service=service, stale_days=hb.settings.runbook_stale_days
                ),
                tags=tuple(tags),
                source=rb.path,
            )
        )
    return pages
