"""Services and their SLOs in ops.json."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..maturity.export import service_maturity_json
from .model import Service, Slo

if TYPE_CHECKING:
    from ..handbook import Handbook


def slo_json(slo: Slo) -> dict[str, Any]:
    return {
        "sli": slo.sli,
        "name": slo.name,
        "objective": slo.objective,
        "window_days": slo.window_days,
        "threshold_ms": slo.threshold_ms,
        "error_budget_fraction": slo.budget_fraction,
        "error_budget_minutes": slo.budget_minutes,
        "burn_rate_alerts": [
            {
                "severity": a.severity,
                "burn_rate": a.burn_rate,
                "long_window": a.long_window,
                "short_window": a.short_window,
                "error_rate": a.error_rate,
                "budget_spent": a.budget_spent,
            }
            for a in slo.alerts
        ],
        "source_format": slo.source_format,
        "calendar": slo.calendar,
        "budgeting_method": slo.budgeting_method,
        "file": slo.file,
        "line": slo.line,
    }


def service_json(hb: Handbook, service: Service) -> dict[str, Any]:
    return {
        "id": service.id,
        "title": service.title,
        "owner": service.owner,
        "stage": service.stage,
        "dashboards": list(service.dashboards),
        "url": service.page.removesuffix(".md") + "/",
        "runbook": rb.path if (rb := hb.runbook_by_service.get(service.id)) else None,
        "slos": [slo_json(s) for s in service.slos],
        "maturity": service_maturity_json(hb, service.id),
    }


def services_json(hb: Handbook) -> dict[str, Any]:
    return {"services": [service_json(hb, s) for s in hb.services]}
