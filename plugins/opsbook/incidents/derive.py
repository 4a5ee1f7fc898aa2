"""Derived figures of incidents: pure functions of the incidents, the services and the as-of instant.

Times are aware datetimes (naive source timestamps were read in the handbook's timezone), so every
difference is exact across offsets and DST. Dates (follow-up due dates, the as-of day, months) are
taken in the handbook's timezone `tz`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, tzinfo
from functools import partial
from itertools import pairwise
from statistics import fmean
from typing import TYPE_CHECKING

from ..problems import Finding, FindingKind
from ..services.model import Service
from ..settings import Settings
from .model import (
    PM_DUE,
    PM_LATE,
    PM_ON_TIME,
    PM_OVERDUE,
    PM_PENDING,
    BudgetImpact,
    FollowUp,
    Incident,
    IncidentStatus,
    Metrics,
    Stats,
    Times,
    WindowBudget,
)

if TYPE_CHECKING:
    from ..reuse import Reuse


def minutes(start: datetime | None, end: datetime | None) -> float | None:
    """Exact minutes from start to end; None when either is missing or they are out of order.

    Both are taken to UTC first: Python subtracts two datetimes that share a tzinfo (two naive
    timestamps read in Europe/Berlin) as wall-clock times, which is an hour off across a DST change.
    """
    if start is None or end is None:
        return None
    delta = end.astimezone(UTC) - start.astimezone(UTC)
    return None if delta < timedelta() else round(delta.total_seconds() / 60, 2)


def status(mitigated: datetime | None, resolved: datetime | None) -> IncidentStatus:
    """ongoing until mitigated, mitigated until resolved, then resolved."""
    if resolved is not None:
        return "resolved"
    return "mitigated" if mitigated is not None else "ongoing"


def impact_end(incident: Incident, as_of: datetime) -> datetime | None:
    """When the impact ended: `mitigated`, else `resolved`, else (still ongoing) the as-of instant."""
    if incident.started is None:
        return None
    end = incident.mitigated or incident.resolved
    if end is None:
        return max(as_of, incident.started)
    return end


def postmortem_deadline(resolved: datetime | None, hours: float) -> datetime | None:
    """The postmortem is due `hours` after resolution (default 72 h); no deadline before then."""
    return None if resolved is None else resolved + timedelta(hours=hours)


def postmortem_state(deadline: datetime | None, published: date | datetime | None, as_of: datetime, tz: tzinfo) -> str:
    """on-time / late when published, due / overdue when not, pending without a deadline.

    A publication written as a date counts as on time when that day (in `tz`) is not after the
    deadline's day: a postmortem published on the deadline's day met it. A timestamp is exact.
    """
    if published is not None:
        if deadline is None:
            return PM_ON_TIME  # published before the incident was even resolved
        if isinstance(published, datetime):
            return PM_ON_TIME if published <= deadline else PM_LATE
        return PM_ON_TIME if published <= deadline.astimezone(tz).date() else PM_LATE
    if deadline is None:
        return PM_PENDING
    return PM_DUE if as_of <= deadline else PM_OVERDUE


def follow_up_figures(follow_up: FollowUp, today: date) -> FollowUp:
    """Overdue (open and due before today) and on time (closed by its due date, None if unknown)."""
    due, closed = follow_up.due, follow_up.closed
    overdue = follow_up.is_open and due is not None and due < today
    on_time: bool | None = None
    if follow_up.is_open:
        on_time = False if overdue else None
    elif due is not None and closed is not None:
        on_time = closed <= due
    return replace(
        follow_up,
        overdue=overdue,
        days_overdue=(today - due).days if overdue and due is not None else 0,
        on_time=on_time,
    )


def budget_impacts(
    impact: float | None,
    services: Iterable[str],
    service_by_id: Mapping[str, Service],
    fraction_of: Callable[[str], float] = lambda _: 1.0,
) -> tuple[BudgetImpact, ...]:
    """The share of each listed service's availability SLO budgets the incident consumed:
    impact share (`fraction_of(service)`, 1 = full outage) x `impact` minutes / budget minutes."""
    if impact is None:
        return ()
    out = []
    for sid in services:
        service = service_by_id.get(sid)
        if service is None:
            continue
        fraction = fraction_of(sid)
        for slo in service.slos_of("availability"):
            out.append(
                BudgetImpact(
                    service=sid,
                    slo=slo.name,
                    objective=slo.objective,
                    window_days=slo.window_days,
                    impact_minutes=impact,
                    budget_minutes=slo.budget_minutes,
                    share=round(fraction * impact / slo.budget_minutes, 6) if slo.budget_minutes else 0.0,
                    impact_fraction=fraction,
                )
            )
    return tuple(out)


def derive_incident(
    incident: Incident, service_by_id: Mapping[str, Service], as_of: datetime, tz: tzinfo, deadline_hours: float
) -> Incident:
    """Every per-incident figure at the as-of instant."""
    today = as_of.astimezone(tz).date()
    started = incident.started
    mitigated = incident.mitigated or incident.resolved
    impact = minutes(started, impact_end(incident, as_of))
    deadline = postmortem_deadline(incident.resolved, deadline_hours)
    return replace(
        incident,
        status=status(incident.mitigated, incident.resolved),
        ttd_minutes=minutes(started, incident.detected),
        tta_minutes=minutes(incident.detected, incident.acknowledged),
        ttm_minutes=minutes(started, mitigated),
        ttr_minutes=minutes(started, incident.resolved),
        impact_minutes=impact,
        postmortem_due=deadline,
        postmortem_state=postmortem_state(deadline, incident.postmortem_published, as_of, tz),
        follow_ups=tuple(follow_up_figures(f, today) for f in incident.follow_ups),
        budget=budget_impacts(impact, incident.services, service_by_id, incident.impact_of),
        known_services=tuple(s for s in incident.services if s in service_by_id),
    )


def _mean(values: Iterable[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return round(fmean(present), 2) if present else None


def percentile(values: Iterable[float | None], q: float) -> float | None:
    """The q-th percentile (0..100) of the present values, linearly interpolated between the two
    nearest ranks (numpy's default, Excel's PERCENTILE.INC); the 50th is the median. None if empty."""
    present = sorted(v for v in values if v is not None)
    if not present:
        return None
    pos = (len(present) - 1) * q / 100
    low = int(pos)
    high = min(low + 1, len(present) - 1)
    return round(present[low] + (present[high] - present[low]) * (pos - low), 2)


def stats(incidents: Sequence[Incident]) -> Stats:
    """Count and mean, median and p90 time to detect / acknowledge / mitigate / resolve (over the
    incidents that have the figure)."""
    rows = [(i.ttd_minutes, i.tta_minutes, i.ttm_minutes, i.ttr_minutes) for i in incidents]
    columns = list(zip(*rows, strict=True))  # one per figure; none (every figure None) without incidents

    def each(statistic: Callable[[Iterable[float | None]], float | None]) -> Times:
        return Times(*map(statistic, columns))

    return Stats(
        count=len(incidents),
        mean=each(_mean),
        median=each(lambda values: percentile(values, 50)),
        p90=each(lambda values: percentile(values, 90)),
    )


def _rate(good: int, bad: int) -> float | None:
    return round(good / (good + bad), 4) if good + bad else None


def month_of(incident: Incident, tz: tzinfo) -> str | None:
    """YYYY-MM of the start, in the handbook's timezone."""
    return incident.started.astimezone(tz).strftime("%Y-%m") if incident.started else None


def merged_minutes(intervals: Iterable[tuple[datetime, datetime]], start: datetime, end: datetime) -> float:
    """Minutes covered by the union of intervals, clipped to [start, end]: overlapping incidents on
    one service are one outage, not two."""
    return weighted_minutes(((a, b, 1.0) for a, b in intervals), start, end)[0]


def weighted_minutes(
    intervals: Iterable[tuple[datetime, datetime, float]], start: datetime, end: datetime
) -> tuple[float, float]:
    """(wall-clock minutes covered, full-outage-equivalent minutes) of impact intervals clipped to
    [start, end]. Each interval carries its impact share; where incidents overlap on one service the
    largest share counts (they are one outage seen twice, not two outages), never more than 100 %."""
    clipped = [(max(a, start), min(b, end), w) for a, b, w in intervals if b > start and a < end]
    cuts = sorted({t for a, b, _ in clipped for t in (a, b)})
    covered = weighted = 0.0
    for lo, hi in pairwise(cuts):
        shares = [w for a, b, w in clipped if a <= lo and b >= hi]
        if shares:
            span = (hi - lo).total_seconds() / 60
            covered += span
            weighted += span * min(1.0, max(shares))
    return round(covered, 2), round(weighted, 2)


def window_budgets(
    incidents: Sequence[Incident], services: Sequence[Service], as_of: datetime
) -> tuple[WindowBudget, ...]:
    """Per service and availability SLO: the budget incident impact consumed in the trailing window
    ending at the as-of instant (incidents clipped to it, each weighted by its impact share)."""
    intervals: dict[str, list[tuple[datetime, datetime, float, str]]] = defaultdict(list)
    for incident in incidents:
        end = impact_end(incident, as_of)
        if incident.started is None or end is None or end < incident.started:
            continue
        for sid in incident.known_services:
            intervals[sid].append((incident.started, end, incident.impact_of(sid), incident.id))
    out = []
    for service in services:
        for slo in service.slos_of("availability"):
            start = as_of - timedelta(days=slo.window_days)
            inside = [(a, b, w, i) for a, b, w, i in intervals.get(service.id, ()) if b > start and a < as_of]
            used, consumed = weighted_minutes(((a, b, w) for a, b, w, _ in inside), start, as_of)
            out.append(
                WindowBudget(
                    service=service.id,
                    slo=slo.name,
                    objective=slo.objective,
                    window_days=slo.window_days,
                    window_start=start,
                    budget_minutes=slo.budget_minutes,
                    impact_minutes=used,
                    consumed_minutes=consumed,
                    share=round(consumed / slo.budget_minutes, 6) if slo.budget_minutes else 0.0,
                    incidents=tuple(sorted({i for _, _, _, i in inside})),
                    owner=service.owner,
                )
            )
    return tuple(out)


def budget_findings(budgets: Sequence[WindowBudget], at_risk: float) -> list[Finding]:
    """`budget-exhausted` (share >= 1) and `budget-at-risk` (share >= `at_risk`) per service and SLO."""
    out = []
    for b in budgets:
        if b.share >= 1:
            kind, text = FindingKind.BUDGET_EXHAUSTED, "exhausted"
        elif b.share >= at_risk:
            kind, text = FindingKind.BUDGET_AT_RISK, f"{b.remaining_share * 100:.1f} % left"
        else:
            continue
        out.append(
            Finding(
                kind,
                b.service,
                f"{b.slo} {b.objective:g} %: {b.share * 100:.1f} % of the {b.window_days:g}-day error budget "
                f"used by incidents ({text})",
                f"services/{b.service}.md",
                b.owner,
            )
        )
    return out


def newest_first(incidents: Iterable[Incident]) -> list[Incident]:
    """Latest start first; incidents without a readable start last, then by id."""
    dated = sorted((i for i in incidents if i.started), key=lambda i: (i.started, i.id), reverse=True)
    return dated + sorted((i for i in incidents if not i.started), key=lambda i: i.id)


def metrics(
    incidents: Sequence[Incident], services: Sequence[Service], severities: Sequence[str], as_of: datetime, tz: tzinfo
) -> Metrics:
    """Every aggregate of the incident log."""
    by_sev: dict[str, list[Incident]] = defaultdict(list)
    by_service: dict[str, list[Incident]] = defaultdict(list)
    by_month: dict[str, list[Incident]] = defaultdict(list)
    by_status: dict[str, int] = defaultdict(int)
    for incident in incidents:
        by_sev[incident.severity].append(incident)
        by_status[incident.status] += 1
        for sid in incident.services:
            by_service[sid].append(incident)
        month = month_of(incident, tz)
        if month:
            by_month[month].append(incident)
    scale = list(severities) + sorted(s for s in by_sev if s not in severities)
    pm_good = sum(1 for i in incidents if i.postmortem_state == PM_ON_TIME)
    pm_bad = sum(1 for i in incidents if i.postmortem_state in (PM_LATE, PM_OVERDUE))
    follow_ups = [f for i in incidents for f in i.follow_ups]
    fu_good = sum(1 for f in follow_ups if f.on_time is True)
    fu_bad = sum(1 for f in follow_ups if f.on_time is False)
    return Metrics(
        overall=stats(incidents),
        by_severity=tuple((s, stats(by_sev.get(s, []))) for s in scale),
        by_service=tuple((s, stats(by_service[s])) for s in sorted(by_service)),
        by_month=tuple(
            (
                m,
                tuple((s, sum(1 for i in by_month[m] if i.severity == s)) for s in scale),
                _mean(i.ttr_minutes for i in by_month[m]),
            )
            for m in _months(sorted(by_month))
        ),
        by_status=tuple((s, by_status[s]) for s in ("ongoing", "mitigated", "resolved")),
        postmortems_on_time=pm_good,
        postmortems_missed=pm_bad,
        postmortem_on_time_rate=_rate(pm_good, pm_bad),
        follow_ups_total=len(follow_ups),
        follow_ups_open=sum(1 for f in follow_ups if f.is_open),
        follow_ups_overdue=sum(1 for f in follow_ups if f.overdue),
        follow_ups_on_time=fu_good,
        follow_ups_late=fu_bad,
        follow_up_on_time_rate=_rate(fu_good, fu_bad),
        window_budgets=window_budgets(incidents, services, as_of),
        service_incidents={s: tuple(newest_first(v)) for s, v in sorted(by_service.items())},
    )


def _months(present: list[str]) -> list[str]:
    """Every month from the first to the last present one, so charts show quiet months as zero."""
    if not present:
        return []
    year, month = map(int, present[0].split("-"))
    last = present[-1]
    out = []
    while True:
        key = f"{year:04d}-{month:02d}"
        out.append(key)
        if key >= last:
            return out
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def _ago(delta: timedelta) -> str:
    """Coarse, the way people say it: 40 min, 15 h, 6 days."""
    minutes = abs(delta.total_seconds()) / 60
    if minutes < 120:
        return f"{round(minutes)} min"
    hours = minutes / 60
    return f"{round(hours)} h" if hours < 48 else f"{round(hours / 24)} days"


def findings(incidents: Sequence[Incident], as_of: datetime, tz: tzinfo) -> list[Finding]:
    """Open incidents, postmortems due or overdue, and overdue follow-ups (by owner)."""
    out: list[Finding] = []
    for i in incidents:
        coordinator = i.role.get("coordinator")
        services = ", ".join(i.services) or "no service"
        if i.status != "resolved" and i.started is not None:
            since = _ago(as_of - i.started)
            text = "ongoing" if i.status == "ongoing" else "mitigated, not yet resolved"
            out.append(
                Finding(
                    FindingKind.ONGOING_INCIDENT,
                    i.id,
                    f"{i.severity} on {services}: {text}, started {since} ago",
                    i.page,
                    coordinator,
                )
            )
        if i.postmortem_state in (PM_DUE, PM_OVERDUE) and i.postmortem_due is not None:
            due = i.postmortem_due.astimezone(tz).strftime("%Y-%m-%d %H:%M")
            if i.postmortem_state == PM_OVERDUE:
                late = _ago(as_of - i.postmortem_due)
                out.append(
                    Finding(
                        FindingKind.POSTMORTEM_OVERDUE,
                        i.id,
                        f"Postmortem of {i.severity} on {services} was due {due}, {late} ago",
                        i.page,
                        coordinator,
                    )
                )
            else:
                out.append(
                    Finding(
                        FindingKind.POSTMORTEM_DUE,
                        i.id,
                        f"Postmortem of {i.severity} on {services} is due {due}, in {_ago(i.postmortem_due - as_of)}",
                        i.page,
                        coordinator,
                    )
                )
        for f in i.follow_ups:
            if f.overdue and f.due is not None:
                days = f"{f.days_overdue} day{'s' if f.days_overdue != 1 else ''}"
                out.append(
                    Finding(
                        FindingKind.OVERDUE_FOLLOW_UP,
                        i.id,
                        f"{f.action}: due {f.due.isoformat()}, {days} overdue",
                        i.page,
                        f.owner,
                    )
                )
    return out


def derive_all(
    incidents: Sequence[Incident], services: Sequence[Service], settings: Settings, reuse: Reuse | None = None
) -> tuple[tuple[Incident, ...], Metrics | None]:
    """Per-incident figures, then the log's metrics, at the settings' as-of instant. A handbook with
    no incidents folder has no incident log: no metrics, so service pages add no incident section.
    Serving (`reuse`), an incident equal to the previous rebuild's keeps its figures when the services
    and settings are equal too (the as-of instant is one of them)."""
    if not incidents and not settings.path(settings.incidents).is_dir():
        return (), None
    by_id = {s.id: s for s in services}
    figures = partial(
        derive_incident,
        service_by_id=by_id,
        as_of=settings.as_of,
        tz=settings.timezone,
        deadline_hours=settings.postmortem_deadline_hours,
    )
    if reuse is None:
        derived = tuple(figures(i) for i in incidents)
    else:
        reuse.same("incident-figures", (tuple(services), settings))
        derived = tuple(reuse.get("incident-figures", i.file, i, partial(figures, i)) for i in incidents)
    scale = [s.id for s in settings.severities]
    return derived, metrics(derived, services, scale, settings.as_of, settings.timezone)
