"""Macros for hand-written pages: recent incidents, open follow-ups, a service's budget consumed."""

from __future__ import annotations

from datetime import date

from ..macro import MacroError, MacroScope, MacroSet
from ..services.macros import service_of
from .derive import newest_first
from .model import Metrics
from .pages import local_time


def macros(m: MacroScope) -> MacroSet:
    hb = m.hb
    metrics = hb.incident_metrics or Metrics()
    local = local_time(hb.settings.timezone)

    def recent_incidents(n: int = 5) -> str:
        """The `n` latest incidents as a table: id, title, severity, services, status."""
        latest = newest_first(hb.incidents)[: max(int(n), 0)]
        return m.block("macros/recent_incidents.md.j2", incidents=latest, local=local)

    def open_follow_ups(owner: str | None = None) -> str:
        """Open follow-ups of every incident (or of one owner), overdue first, then by due date."""
        who = owner.strip().lstrip("@") if owner else None
        rows = [(i, f) for i in hb.incidents for f in i.open_follow_ups if who is None or f.owner == who]
        rows.sort(key=lambda row: (not row[1].overdue, row[1].due or date.max, row[0].id))
        return m.block("macros/open_follow_ups.md.j2", rows=rows, owner=who)

    def budget_consumed(service_id: str) -> str:
        """How much of a service's availability budget incidents used in the current window, inline."""
        budgets = metrics.budgets_of(service_of(hb, service_id).id)
        if not budgets:
            raise MacroError("service “{service}” has no availability SLO", service=service_id)
        return m.inline("macros/budget_consumed.md.j2", budgets=budgets)

    return {
        "recent_incidents": recent_incidents,
        "open_follow_ups": open_follow_ups,
        "budget_consumed": budget_consumed,
    }
