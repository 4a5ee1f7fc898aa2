"""`ops.json`: every item in normalised form plus every derived figure, for scripts and dashboards.

Its JSON Schema is `schemas/ops.schema.json`. Each kind contributes one top-level key; keys of
kinds without sources are present and empty, and `problems` is always present.
"""

from __future__ import annotations

import json
from typing import Any

from .cadence.export import rituals_json
from .checklists.export import checklists_json
from .decisions.opsjson import decision_json, rfc_json
from .handbook import Handbook
from .incidents.export import incidents_json
from .maturity.export import maturity_json, service_maturity_json
from .onboarding.export import onboarding_json
from .pages import GeneratedAsset
from .roadmap.export import roadmap_json
from .runbooks.export import runbooks_json
from .services.model import Service, Slo
from .team.export import oncall_json, team_json

SCHEMA_VERSION = 1


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
    data: dict[str, Any] = {
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
    return data


def build(hb: Handbook) -> dict[str, Any]:
    """The ops.json document as a dict."""

    return {
        "schema_version": SCHEMA_VERSION,
        "as_of": hb.as_of.isoformat().replace("+00:00", "Z"),
        "services": [service_json(hb, s) for s in hb.services],
        **incidents_json(hb.incidents, hb.incident_metrics),  # incidents[], incident_metrics
        "decisions": [decision_json(d) for d in hb.decisions],
        "rfcs": [rfc_json(r) for r in hb.rfcs],
        "runbooks": runbooks_json(hb),
        "rituals": rituals_json(hb),
        "oncall": oncall_json(hb),
        "roadmap": roadmap_json(hb),
        "team": team_json(hb),
        "checklists": checklists_json(hb),
        "onboarding": onboarding_json(hb),
        "maturity": maturity_json(hb),
        "findings": [f.to_json() for f in hb.findings],
        "problems": [p.to_json() for p in hb.problems],
        "changes": hb.changes.to_json() if hb.changes is not None else None,
        "notes": [n.to_json() for n in hb.notes],
    }


def dumps(document: dict[str, Any]) -> str:
    """Deterministic JSON (sorted keys) so rebuilds are byte-identical."""
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def asset(hb: Handbook) -> GeneratedAsset:
    return GeneratedAsset("ops.json", dumps(build(hb)).encode("utf-8"))
