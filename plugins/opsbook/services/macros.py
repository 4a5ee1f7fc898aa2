"""Macros of the services: an SLO table, an error budget, the services table."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..macro import MacroError, MacroScope, MacroSet

if TYPE_CHECKING:
    from ..handbook import Handbook
    from .model import Service


def service_of(hb: Handbook, service_id: str) -> Service:
    """The service with id `service_id`, or the macro error naming the known ones (services' and
    incidents' macros)."""
    service = hb.service_by_id.get(service_id)
    if service is None:
        known = ", ".join(sorted(hb.service_by_id)) or "none"
        raise MacroError("unknown service “{service}” (known: {known})", service=service_id, known=known)
    return service


def macros(m: MacroScope) -> MacroSet:
    def slo_table(service_id: str) -> str:
        """The SLO table of one service: objective, window, error budget and the page threshold."""
        return m.block("macros/slo_table.md.j2", service=service_of(m.hb, service_id))

    def error_budget(service_id: str, sli: str = "availability") -> str:
        """The error budget of a service's first SLO of the given SLI, as time (e.g. "43.2 min")."""
        slos = service_of(m.hb, service_id).slos_of(sli)
        if not slos:
            raise MacroError("service “{service}” has no {sli} SLO", service=service_id, sli=sli)
        return m.inline("macros/error_budget.md.j2", slo=slos[0])

    def services_table() -> str:
        """Every service with owner and SLO budgets (the Services index table)."""
        return m.block("macros/services_table.md.j2", services=m.hb.services)

    return {"slo_table": slo_table, "error_budget": error_budget, "services_table": services_table}
