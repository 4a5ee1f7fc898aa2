"""Macros for hand-written pages: recent incidents, open follow-ups, a service's budget consumed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from ..handbook import Handbook
from ..render import Renderer, macro_error
from ..services.macros import unknown_service_error
from .derive import newest_first
from .model import Metrics
from .pages import local_time


def macros(hb: Handbook, r: Renderer, current_page: Callable[[], str]) -> dict[str, Callable[..., str]]:
    metrics = hb.incident_metrics or Metrics()
    local = local_time(hb.settings.timezone)

    def recent_incidents(n: int = 5) -> str:
        """The `n` latest incidents as a table: id, title, severity, services, status."""
        latest = newest_first(hb.incidents)[: max(int(n), 0)]
        return r.render("macros/recent_incidents.md.j2", current_page(), incidents=latest, local=local)

    def open_follow_ups(owner: str | None = None) -> str:
        """Open follow-ups of every incident (or of one owner), overdue first, then by due date."""
        who = owner.strip().lstrip("@") if owner else None
        rows = [(i, f) for i in hb.incidents for f in i.open_follow_ups if who is None or f.owner == who]
        rows.sort(key=lambda row: (not row[1].overdue, row[1].due or date.max, row[0].id))
        return r.render("macros/open_follow_ups.md.j2", current_page(), rows=rows, owner=who)

    def budget_consumed(service_id: str) -> str:
        """How much of a service's availability budget incidents used in the current window, inline."""
        if service_id not in hb.service_by_id:
            return unknown_service_error(hb, service_id)
        budgets = metrics.budgets_of(service_id)
        if not budgets:
            return macro_error("service “{service}” has no availability SLO", service=service_id)
        return r.render("macros/budget_consumed.md.j2", current_page(), budgets=budgets).strip()

    return {
        "recent_incidents": recent_incidents,
        "open_follow_ups": open_follow_ups,
        "budget_consumed": budget_consumed,
    }
