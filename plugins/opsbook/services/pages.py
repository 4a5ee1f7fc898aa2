"""Pages of the services section: the index and one page per service."""

from __future__ import annotations

from ..handbook import Handbook
from ..incidents.derive import impact_end
from ..incidents.model import Incident
from ..pages import GeneratedPage, item_page
from ..render import Renderer, built_url
from ..reuse import rows
from .charts import Impact, budget_chart
from .model import Service

# A service page's template and the templates it includes (other kinds' sections; see _extra.md.j2).
PAGE_TEMPLATES = ("services/service.md.j2", "services/_extra.md.j2", "services/_incidents.md.j2")


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
    # Serving, a row of a service's incident history is rendered again only when its incident changed.
    reuse = None if r.overridden(*PAGE_TEMPLATES) else hb.reuse
    shared = (hb.settings, r.directory_urls, r.sources(*PAGE_TEMPLATES))
    for service in hb.services:
        tags = ("service", service.id, *(["owner:" + service.owner] if service.owner else []))
        charts = budget_charts(hb, service)
        history = f"service-history:{service.id}"
        if reuse is not None:
            reuse.same(history, shared)
        context = {
            "service": service,
            "runbook": runbooks.get(service.id),
            "budget_charts": charts,
            "rows": rows(reuse, history),
        }
        pages.append(item_page(r, service, "services/service.md.j2", tags, context))
    return pages


def impact_share(incident: Incident, service: str) -> float:
    """The share of the service's requests an incident affected (its `impact:`; 1: a full outage),
    the same weight as the budget this window (incidents.derive.window_budgets)."""
    return incident.impact_of(service)


def budget_charts(hb: Handbook, service: Service) -> list[str]:
    """One error-budget picture per availability SLO with a budget this window (SVG strings)."""
    metrics = hb.incident_metrics
    if metrics is None:
        return []
    impacts = []
    for incident in metrics.service_incidents.get(service.id, ()):
        end = impact_end(incident, hb.as_of)
        if incident.started is None or end is None or end <= incident.started:
            continue
        href = built_url(service.page, incident.page, hb.settings.directory_urls)
        impacts.append(Impact(incident.id, incident.started, end, impact_share(incident, service.id), href))
    return [
        budget_chart(
            f"{service.title}: {b.slo} {b.objective:g} % error budget over the last {b.window_days:g} days",
            impacts,
            b.budget_minutes,
            b.window_days,
            hb.as_of,
        )
        for b in metrics.budgets_of(service.id)
    ]
