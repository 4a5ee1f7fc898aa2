"""Services and their SLOs in ops.json."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..maturity.export import service_maturity_json
from ..site import fields_json
from .model import Service, Slo

if TYPE_CHECKING:
    from ..handbook import Handbook


_ALERT = ("severity", "burn_rate", "long_window", "short_window", "error_rate", "budget_spent")


def slo_json(slo: Slo) -> dict[str, Any]:
    return {
        **fields_json(slo, "sli", "name", "objective", "window_days", "threshold_ms"),
        "error_budget_fraction": slo.budget_fraction,
        "error_budget_minutes": slo.budget_minutes,
        "burn_rate_alerts": [fields_json(a, *_ALERT) for a in slo.alerts],
        **fields_json(slo, "source_format", "calendar", "budgeting_method", "file", "line"),
    }


def service_json(hb: Handbook, service: Service) -> dict[str, Any]:
    return {
        **fields_json(service, "id", "title", "owner", "stage", "dashboards"),
        "url": service.page.removesuffix(".md") + "/",
        "runbook": rb.path if (rb := hb.runbook_by_service.get(service.id)) else None,
        "slos": [slo_json(s) for s in service.slos],
        "maturity": service_maturity_json(hb, service.id),
    }


def services_json(hb: Handbook) -> dict[str, Any]:
    return {"services": [service_json(hb, s) for s in hb.services]}
