"""The incidents' part of `ops.json`: `incidents[]` and `incident_metrics`."""

from __future__ import annotations

from typing import Any

from ..site import iso as _ts
from .model import Incident, Metrics, Stats


def incident_json(i: Incident) -> dict[str, Any]:
    budget: dict[str, list[dict[str, Any]]] = {s: [] for s in i.services}
    for b in i.budget:
        budget[b.service].append(
            {
                "slo": b.slo,
                "objective": b.objective,
                "window_days": b.window_days,
                "impact_minutes": b.impact_minutes,
                "budget_minutes": b.budget_minutes,
                "impact_fraction": b.impact_fraction,
                "share": b.share,
            }
        )
    return {
        "id": i.id,
        "title": i.title,
        "severity": i.severity,
        "services": list(i.services),
        "status": i.status,
        "detected_by": i.detected_by,
        "started": _ts(i.started),
        "detected": _ts(i.detected),
        "acknowledged": _ts(i.acknowledged),
        "mitigated": _ts(i.mitigated),
        "resolved": _ts(i.resolved),
        "ttd_minutes": i.ttd_minutes,
        "tta_minutes": i.tta_minutes,
        "ttm_minutes": i.ttm_minutes,
        "ttr_minutes": i.ttr_minutes,
        "impact_minutes": i.impact_minutes,
        "impact_fraction": {sid: i.impact_of(sid) for sid in i.services},
        "impact_stated": not i.impact_assumed,
        "roles": dict(i.roles),
        "postmortem_published": _ts(i.postmortem_published),
        "postmortem_due": _ts(i.postmortem_due),
        "postmortem_state": i.postmortem_state,
        "postmortem_on_time": i.postmortem_on_time,
        "follow_ups": [
            {
                "action": f.action,
                "owner": f.owner,
                "due": _ts(f.due),
                "status": f.status,
                "closed": _ts(f.closed),
                "link": f.link,
                "overdue": f.overdue,
                "days_overdue": f.days_overdue,
                "on_time": f.on_time,
            }
            for f in i.follow_ups
        ],
        "budget_consumed": budget,
        "tags": list(i.tags),
        "url": i.page.removesuffix(".md") + "/",
        "file": i.file,
        "line": i.line,
    }


def _stats(s: Stats) -> dict[str, Any]:
    out: dict[str, Any] = {"count": s.count}
    for name in ("ttd", "tta", "ttm", "ttr"):
        for measure in ("mean", "median", "p90"):
            out[f"{measure}_{name}_minutes"] = getattr(getattr(s, measure), name)
    return out


def metrics_json(m: Metrics) -> dict[str, Any]:
    return {
        "overall": _stats(m.overall),
        "by_severity": {sev: _stats(s) for sev, s in m.by_severity},
        "by_service": {sid: _stats(s) for sid, s in m.by_service},
        "by_status": dict(m.by_status),
        "by_month": [
            {"month": month, "counts": dict(counts), "mean_ttr_minutes": mttr} for month, counts, mttr in m.by_month
        ],
        "postmortems_on_time": m.postmortems_on_time,
        "postmortems_missed": m.postmortems_missed,
        "postmortem_on_time_rate": m.postmortem_on_time_rate,
        "follow_ups_total": m.follow_ups_total,
        "follow_ups_open": m.follow_ups_open,
        "follow_ups_overdue": m.follow_ups_overdue,
        "follow_ups_on_time": m.follow_ups_on_time,
        "follow_ups_late": m.follow_ups_late,
        "follow_up_on_time_rate": m.follow_up_on_time_rate,
        "budget_this_window": [
            {
                "service": b.service,
                "slo": b.slo,
                "objective": b.objective,
                "window_days": b.window_days,
                "window_start": _ts(b.window_start),
                "budget_minutes": b.budget_minutes,
                "impact_minutes": b.impact_minutes,
                "consumed_minutes": b.consumed_minutes,
                "remaining_minutes": b.remaining_minutes,
                "share": b.share,
                "remaining_share": round(b.remaining_share, 6),
                "incidents": list(b.incidents),
            }
            for b in m.window_budgets
        ],
    }


def incidents_json(incidents: tuple[Incident, ...], metrics: Metrics | None) -> dict[str, Any]:
    """The two top-level keys of ops.json."""
    return {
        "incidents": [incident_json(i) for i in incidents],
        "incident_metrics": metrics_json(metrics or Metrics()),
    }
