"""Checks of one service: ownership, runbooks, SLOs, dashboards, incidents and follow-ups."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from ..render import fmt_number
from .registry import SERVICE, index, register
from .result import CheckResult, Evidence, failed, not_assessed, passed

if TYPE_CHECKING:
    from ..decisions.model import Decision
    from ..handbook import Handbook
    from ..incidents.model import Incident
    from ..runbooks.model import Runbook
    from ..services.model import Service, Slo

SLO_ANCHOR = "#service-level-objectives"


def _page(service: Service, anchor: str = "") -> Evidence:
    return Evidence(service.title, service.page + anchor)


@register("owner", "The service has an owner", SERVICE, needs=("services",))
def owner(hb: Handbook, service: Service) -> CheckResult:
    """Passes when the service names an `owner` (a pod or a person) in its SLO file; fails otherwise."""
    if service.owner:
        return passed(f"owned by {service.owner}", _page(service))
    return failed(f"no owner: add `owner:` to {service.id} in {service.file}", _page(service))


def _slo_check(service: Service, sli: str) -> CheckResult:
    slos = service.slos_of(sli)
    if not slos:
        return failed(f"no {sli} SLO: add one under `slos:` of {service.id} in {service.file}", _page(service))
    names = ", ".join(f"{s.name} {fmt_number(s.objective, 4)} %" for s in slos)
    return passed(names, _page(service, SLO_ANCHOR))


@register("availability-slo", "The service has an availability SLO", SERVICE, needs=("services",))
def availability_slo(hb: Handbook, service: Service) -> CheckResult:
    """Passes when the service has at least one SLO whose SLI is `availability`."""
    return _slo_check(service, "availability")


@register("latency-slo", "The service has a latency SLO", SERVICE, needs=("services",))
def latency_slo(hb: Handbook, service: Service) -> CheckResult:
    """Passes when the service has at least one SLO whose SLI is `latency` (with a threshold)."""
    return _slo_check(service, "latency")


@register("dashboard", "The service links a dashboard", SERVICE, needs=("services",))
def dashboard(hb: Handbook, service: Service) -> CheckResult:
    """Passes when the service lists at least one `dashboard` (or `dashboards`) link."""
    if not service.dashboards:
        return failed(f"no dashboard: add `dashboard:` to {service.id} in {service.file}", _page(service))
    links = tuple(
        Evidence(f"Dashboard {i + 1}" if len(service.dashboards) > 1 else "Dashboard", url)
        for i, url in enumerate(service.dashboards)
    )
    return passed(f"{len(service.dashboards)} dashboard{'s' if len(service.dashboards) > 1 else ''}", *links)


def _page_alert_fires(slo: Slo) -> bool:
    return all(a.error_rate < 1 for a in slo.alerts if a.severity == "page")


@register("burn-rate-alerts", "Burn-rate page alerts can fire for every SLO", SERVICE, needs=("services",))
def burn_rate_alerts(hb: Handbook, service: Service) -> CheckResult:
    """Passes when the service has SLOs and the multi-window burn-rate page alerts of every one of them
    can fire. An objective so loose that a 14.4x burn needs more than 100 % errors (e.g. 90 %) cannot
    page anyone before the budget is gone: tighten the objective or alert on a longer window."""
    if not service.slos:
        return failed(f"no SLOs, so nothing to alert on: add SLOs to {service.id} in {service.file}", _page(service))
    silent = [s for s in service.slos if not _page_alert_fires(s)]
    if silent:
        names = ", ".join(f"{s.name} {fmt_number(s.objective, 4)} %" for s in silent)
        return failed(
            f"page alerts can never fire for {names} (the objective is too loose)", _page(service, SLO_ANCHOR)
        )
    count = len(service.slos)
    detail = "its SLO" if count == 1 else f"each of its {count} SLOs"
    return passed(f"page alerts can fire for {detail}", _page(service, SLO_ANCHOR))


def _runbook(hb: Handbook, service: Service) -> Runbook | None:
    return hb.runbook_by_service.get(service.id)


@register("runbook", "The service has a runbook", SERVICE, needs=("runbooks",))
def runbook(hb: Handbook, service: Service) -> CheckResult:
    """Passes when `ops/runbooks/<service>.md` (or a runbook whose front matter names the service)
    exists; fails otherwise."""
    rb = _runbook(hb, service)
    if rb is None:
        return failed(
            f"no runbook: write {hb.settings.runbooks}/{service.id}.md with Pager, Playbooks and Rollback sections",
            _page(service),
        )
    return passed(f"runbook at {rb.path}", Evidence(rb.title, rb.page))


@register("runbook-fresh", "The service's runbook is fresh", SERVICE, needs=("runbooks", "incidents"))
def runbook_fresh(hb: Handbook, service: Service) -> CheckResult:
    """Passes when the runbook was reviewed (`last_reviewed`) within the last `runbook_stale_days`
    (default 180) days and not before the service's latest SEV-1/SEV-2 incident. Not assessed when
    the service has no runbook."""
    rb = _runbook(hb, service)
    if rb is None:
        return not_assessed("no runbook to review", _page(service))
    if rb.stale:
        return failed("; ".join(rb.stale_reasons), Evidence(rb.title, rb.page))
    return passed(f"reviewed {rb.last_reviewed}", Evidence(rb.title, rb.page))


RECENT_DAYS = 90


def _incidents(hb: Handbook, service: Service) -> tuple[Incident, ...]:
    """The service's incidents, newest first, from the incident log's metrics (computed once)."""
    metrics = hb.incident_metrics
    return metrics.service_incidents.get(service.id, ()) if metrics is not None else ()


def _recent(hb: Handbook, service: Service, major_only: bool) -> list[Incident]:
    """Incidents on the service that started in the 90 days before the as-of date."""
    since = hb.as_of - timedelta(days=RECENT_DAYS)
    major = {sev.id for sev in hb.settings.severities[:2]}
    return [
        i
        for i in _incidents(hb, service)
        if i.started is not None and since <= i.started <= hb.as_of and (not major_only or i.severity in major)
    ]


def _no_log(hb: Handbook) -> CheckResult | None:
    if hb.incidents:
        return None
    return not_assessed(f"the incident log is empty: record incidents in {hb.settings.incidents}/")


def _incident(i: Incident) -> Evidence:
    return Evidence(i.id, i.page)


def _majors(hb: Handbook) -> str:
    return "/".join(sev.id for sev in hb.settings.severities[:2])


@register(
    "postmortems-on-time",
    "SEV-1/SEV-2 postmortems of the last 90 days were published on time",
    SERVICE,
    needs=("incidents",),
)
def postmortems_on_time(hb: Handbook, service: Service) -> CheckResult:
    """Passes when every incident of the two most severe levels (SEV-1, SEV-2) on the service that
    started in the 90 days before the as-of date has its postmortem published within the deadline
    (default 72 h after `resolved`). A postmortem not yet due does not fail it. Not assessed while
    the incident log is empty."""
    if (empty := _no_log(hb)) is not None:
        return empty
    recent = _recent(hb, service, major_only=True)
    if not recent:
        return passed(f"no {_majors(hb)} incident on {service.id} in the last {RECENT_DAYS} days", _page(service))
    missed = [i for i in recent if i.postmortem_on_time is False]
    if missed:
        words = ", ".join(f"{i.id} ({'published late' if i.postmortem_state == 'late' else 'overdue'})" for i in missed)
        return failed(
            f"{len(missed)} of {len(recent)} postmortems missed the deadline: {words}", *(_incident(i) for i in missed)
        )
    on_time = sum(1 for i in recent if i.postmortem_on_time)
    pending = len(recent) - on_time
    detail = f"{on_time} of {len(recent)} {_majors(hb)} postmortems published on time"
    if pending:
        detail += f", {pending} not yet due"
    return passed(detail, *(_incident(i) for i in recent))


@register("follow-ups-on-time", "No follow-up of the service's incidents is overdue", SERVICE, needs=("incidents",))
def follow_ups_on_time(hb: Handbook, service: Service) -> CheckResult:
    """Passes when no follow-up of an incident on the service is still open past its due date. Not
    assessed while the incident log is empty."""
    if (empty := _no_log(hb)) is not None:
        return empty
    incidents = _incidents(hb, service)
    late = [(i, f) for i in incidents for f in i.overdue_follow_ups]
    if late:
        words = "; ".join(
            f"{i.id}: {f.action} ({f.owner or 'no owner'}, {f.days_overdue} days overdue)" for i, f in late
        )
        return failed(f"{len(late)} overdue: {words}", *(_incident(i) for i in dict.fromkeys(i for i, _ in late)))
    open_count = sum(len(i.open_follow_ups) for i in incidents)
    if not incidents:
        return passed(f"no incident on {service.id}", _page(service))
    return passed(
        f"none overdue ({open_count} open, all within their due date)" if open_count else "every follow-up is closed",
        _page(service),
    )


@register(
    "detected-by-monitoring", "Incidents of the last 90 days were detected by monitoring", SERVICE, needs=("incidents",)
)
def detected_by_monitoring(hb: Handbook, service: Service) -> CheckResult:
    """Passes when no incident on the service that started in the 90 days before the as-of date was
    first reported by a customer (`detected_by: customer` or `support`): problems are caught before customers
    notice. Not assessed while the incident log is empty."""
    if (empty := _no_log(hb)) is not None:
        return empty
    recent = _recent(hb, service, major_only=False)
    by_customer = [i for i in recent if i.detected_by in CUSTOMER_SOURCES]
    if by_customer:
        return failed(
            f"{len(by_customer)} of {len(recent)} incidents were reported by customers: "
            f"{', '.join(i.id for i in by_customer)}",
            *(_incident(i) for i in by_customer),
        )
    if not recent:
        return passed(f"no incident on {service.id} in the last {RECENT_DAYS} days", _page(service))
    return passed(
        f"all {len(recent)} incidents of the last {RECENT_DAYS} days were caught before customers reported them",
        *(_incident(i) for i in recent),
    )


CUSTOMER_SOURCES = ("customer", "support")  # detected_by values that mean customers noticed first
BUDGET_ANCHOR = "#error-budget-this-window"


@register(
    "error-budget-left",
    "The error budget of the current window is not exhausted",
    SERVICE,
    needs=("services", "incidents"),
)
def error_budget_left(hb: Handbook, service: Service) -> CheckResult:
    """Passes when incidents used less than the whole error budget of each availability SLO of the
    service in the trailing window ending at the as-of date (impact weighted by each incident's
    `impact:` share); the detail warns from the `budget_at_risk` share (default 75 %). Fails when a
    budget is exhausted. Not assessed without an availability SLO or an incident log."""
    metrics = hb.incident_metrics
    budgets = metrics.budgets_of(service.id) if metrics is not None else ()
    if metrics is None or not budgets:
        why = "no incident log" if metrics is None else f"no availability SLO on {service.id}"
        return not_assessed(f"{why}: no error budget to measure", _page(service))
    evidence = _page(service, BUDGET_ANCHOR)
    words = "; ".join(f"{b.slo} {fmt_number(b.objective, 4)} %: {fmt_number(b.share * 100, 1)} % used" for b in budgets)
    if any(b.share >= 1 for b in budgets):
        return failed(f"budget exhausted this window ({words})", evidence)
    if any(b.share >= hb.settings.budget_at_risk for b in budgets):
        return passed(f"at risk ({words})", evidence)
    return passed(words, evidence)


CAPACITY_TAG = "capacity"


@register("capacity-decision", "A capacity decision is on record", SERVICE, needs=("decisions",))
def capacity_decision(hb: Handbook, service: Service) -> CheckResult:
    """Passes when an accepted decision record tagged both `capacity` and the service id is in force:
    not superseded or deprecated, and not past its revisit date."""
    today = hb.as_of.astimezone(hb.settings.timezone).date()

    def build() -> dict[str, list[Decision]]:
        by_tag: dict[str, list[Decision]] = {}
        for d in hb.decisions:
            if CAPACITY_TAG in d.tags:
                for tag in d.tags:
                    by_tag.setdefault(tag, []).append(d)
        return by_tag

    found: list[Decision] = index(hb, "capacity_decisions", build).get(service.id, [])
    in_force = [
        d for d in found if d.status == "accepted" and not d.retired and (d.revisit is None or d.revisit >= today)
    ]
    if in_force:
        return passed(", ".join(f"{d.id}: {d.title}" for d in in_force), *(Evidence(d.id, d.page) for d in in_force))
    if found:
        return failed(
            f"the capacity decisions on record are no longer in force (accepted, not superseded, "
            f"revisit date not passed): {', '.join(d.id for d in found)}",
            *(Evidence(d.id, d.page) for d in found),
        )
    return failed(
        f"no decision record tagged `{CAPACITY_TAG}` and `{service.id}`: record the capacity plan "
        "(expected load, headroom, when to revisit)",
        _page(service),
    )
