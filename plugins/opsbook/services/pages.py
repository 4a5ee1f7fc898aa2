"""Pages of the services section: the index and one page per service."""

from __future__ import annotations

from ..handbook import Handbook
from ..pages import GeneratedPage
from ..render import Renderer


def service_pages(hb: Handbook, r: Renderer) -> list[GeneratedPage]:
    """The Services index (in the nav) and a page per service (out of the nav)."""
    if not hb.services and not hb.settings.path(hb.settings.slo).exists():
        return []
    pages = [
        GeneratedPage(
            path="services/index.md",
            title="Services",
            body=r.render("services/index.md.j2", "services/index.md", services=hb.services, source=hb.settings.slo),
            tags=("service",),
            source=hb.settings.slo,
            in_nav=True,
        )
    ]
    runbooks = hb.runbook_by_service  # the runbook of each known service (not alert runbooks)
    for service in hb.services:
        pages.append(
            GeneratedPage(
                path=service.page,
                title=service.title,
                body=r.render(
                    "services/service.md.j2", service.page, service=service, runbook=runbooks.get(service.id)
                ),
                tags=("service", service.id, *(["owner:" + service.owner] if service.owner else [])),
                source=service.file,
            )
        )
    return pages
