"""Data and macros for hand-written pages, through mkdocs-macros.

`register` hands the macros plugin (when it is enabled) a variable `opsbook` holding the ops.json
document, and the functions of `functions`. Macros return Markdown rendered from the templates in
`templates/macros/`, with links relative to the page being rendered.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from . import opsjson
from .cadence.macros import macros as cadence_macros
from .decisions.macros import macros as decision_macros
from .handbook import Handbook
from .incidents.macros import macros as incident_macros
from .render import Renderer
from .roadmap.macros import macros as roadmap_macros
from .team.macros import macros as team_macros


def functions(hb: Handbook, r: Renderer, current_page: Callable[[], str]) -> dict[str, Callable[..., str]]:
    """Every macro by name. `current_page()` is the site path of the page being rendered."""

    def _service(service_id: str) -> Any:
        service = hb.service_by_id.get(service_id)
        if service is None:
            known = ", ".join(sorted(hb.service_by_id)) or "none"
            return None, f'*opsbook: unknown service "{service_id}" (known: {known})*'
        return service, ""

    def slo_table(service_id: str) -> str:
        """The SLO table of one service: objective, window, error budget and the page threshold."""
        service, error = _service(service_id)
        if service is None:
            return error
        return r.render("macros/slo_table.md.j2", current_page(), service=service)

    def error_budget(service_id: str, sli: str = "availability") -> str:
        """The error budget of a service's first SLO of the given SLI, as time (e.g. "43.2 min")."""
        service, error = _service(service_id)
        if service is None:
            return error
        slos = service.slos_of(sli)
        if not slos:
            return f'*opsbook: service "{service_id}" has no {sli} SLO*'
        return r.render("macros/error_budget.md.j2", current_page(), slo=slos[0]).strip()

    def services_table() -> str:
        """Every service with owner and SLO budgets (the Services index table)."""
        return r.render("macros/services_table.md.j2", current_page(), services=hb.services)

    # Each kind's package provides its own macros (e.g. on_call_now, next_ritual, roadmap_items).
    by_kind: dict[str, Callable[..., str]] = {}
    for provider in (team_macros, cadence_macros, roadmap_macros, decision_macros, incident_macros):
        by_kind.update(provider(hb, r, current_page))
    return {"slo_table": slo_table, "error_budget": error_budget, "services_table": services_table, **by_kind}


def register(config: MkDocsConfig, hb: Handbook) -> None:
    """Give mkdocs-macros our variable and macros, if it is enabled in this site."""
    plugin = config.plugins.get("macros")
    if plugin is None:
        return
    renderer = Renderer(hb.settings.templates, as_of=hb.as_of, hb=hb)

    def current_page() -> str:
        page = getattr(plugin, "page", None)
        return page.file.src_uri if page is not None else "index.md"

    plugin.register_variables({"opsbook": opsjson.build(hb)})  # type: ignore[attr-defined]
    plugin.register_macros(functions(hb, renderer, current_page))  # type: ignore[attr-defined]
