"""Macros of the services: an SLO table, an error budget, the services table."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..render import macro_error

if TYPE_CHECKING:
    from ..handbook import Handbook
    from ..render import Renderer


def unknown_service_error(hb: Handbook, service_id: str) -> str:
    """What a macro shows for a service id that names no service (services' and incidents' macros)."""
    known = ", ".join(sorted(hb.service_by_id)) or "none"
    return macro_error("unknown service “{service}” (known: {known})", service=service_id, known=known)


def macros(hb: Handbook, r: Renderer, current_page: Callable[[], str]) -> dict[str, Callable[..., str]]:
    def _service(service_id: str) -> Any:
        service = hb.service_by_id.get(service_id)
        return (None, unknown_service_error(hb, service_id)) if service is None else (service, "")

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
            return macro_error("service “{service}” has no {sli} SLO", service=service_id, sli=sli)
        return r.render("macros/error_budget.md.j2", current_page(), slo=slos[0]).strip()

    def services_table() -> str:
        """Every service with owner and SLO budgets (the Services index table)."""
        return r.render("macros/services_table.md.j2", current_page(), services=hb.services)

    return {"slo_table": slo_table, "error_budget": error_budget, "services_table": services_table}
