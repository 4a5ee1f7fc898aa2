"""Frozen records of incidents, their follow-ups and every figure derived from them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from typing import Literal

# An incident id, INC-YYYYMMDD-NN: incident.schema.json's `id` pattern, which the loader (file names)
# and `opsbook new` (the ids on disk) use too, so neither accepts an id the schema rejects
# (tests/incidents/test_incident_ids.py). [0-9], not \d: Python's \d also matches other scripts' digits.
ID_TEXT = "INC-[0-9]{8}-[0-9]{2,}"
ID_PATTERN = re.compile(f"^{ID_TEXT}$")


def id_day_and_number(incident_id: str) -> tuple[str, int]:
    """`INC-20261104-01` -> ("20261104", 1), for an id that matches ID_PATTERN."""
    return incident_id[4:12], int(incident_id[13:])


# Timestamps of an incident in the order they must happen (pairs checked in load.py).
TIMESTAMP_FIELDS: tuple[str, ...] = ("started", "detected", "acknowledged", "mitigated", "resolved")
FOLLOW_UP_STATUSES: tuple[str, ...] = ("open", "in-progress", "done", "wont-do")

# Postmortem states: published by the deadline, published after it, not yet published with the
# deadline ahead, not published and the deadline passed, or no deadline yet (not resolved).
PM_ON_TIME, PM_LATE, PM_DUE, PM_OVERDUE, PM_PENDING = "on-time", "late", "due", "overdue", "pending"
PM_LABELS = {
    PM_ON_TIME: "published on time",
    PM_LATE: "published late",
    PM_DUE: "due",
    PM_OVERDUE: "overdue",
    PM_PENDING: "after resolution",
}


FollowUpStatus = Literal["open", "in-progress", "done", "wont-do"]
IncidentStatus = Literal["ongoing", "mitigated", "resolved"]


@dataclass(frozen=True)
class FollowUp:
    """An action an incident left behind, with its owner and due date."""

    action: str
    owner: str | None  # None only when the source omitted it (a problem was logged)
    due: date | None  # None only when omitted or unreadable (a problem was logged)
    status: FollowUpStatus = "open"
    closed: date | None = None  # when it was done or dropped; decides whether it closed on time
    link: str | None = None  # the tracker issue
    line: int | None = None
    overdue: bool = False  # open and due before the as-of date
    days_overdue: int = 0
    on_time: bool | None = None  # closed by its due date; None while it cannot be told yet

    @property
    def is_open(self) -> bool:
        """Not closed yet: open or in progress (both can be overdue)."""
        return self.status in ("open", "in-progress")


@dataclass(frozen=True)
class BudgetImpact:
    """The share of one availability SLO's error budget an incident's impact consumed."""

    service: str
    slo: str  # the SLO's name, e.g. "Availability"
    objective: float
    window_days: float
    impact_minutes: float  # mitigated - started (so far, while ongoing)
    budget_minutes: float
    share: float  # impact_fraction x impact / budget; above 1 means the incident alone blew the budget
    impact_fraction: float = 1.0  # share of the service's requests/users affected (absent = full outage)


@dataclass(frozen=True)
class Incident:
    """One incident: what the front matter says plus the derived figures."""

    id: str
    title: str
    severity: str
    services: tuple[str, ...]
    file: str  # source path relative to the handbook root
    line: int | None = None
    id_line: int | None = None  # of `id:`; the front matter's first line when the file name gives the id
    detected_by: str | None = None
    started: datetime | None = None
    detected: datetime | None = None
    acknowledged: datetime | None = None
    mitigated: datetime | None = None
    resolved: datetime | None = None
    roles: tuple[tuple[str, str], ...] = ()  # (role, handle) in the order written
    postmortem_published: date | datetime | None = None
    postmortem_url: str | None = None
    follow_ups: tuple[FollowUp, ...] = ()
    summary: str = ""
    tags: tuple[str, ...] = ()
    body: str = ""  # the postmortem, Markdown, without its H1
    # `impact:` as written, per listed service, as a fraction 0..1; services not in it had a full outage.
    impact: tuple[tuple[str, float], ...] = ()
    # Derived (derive.py), once per build at the as-of date.
    status: IncidentStatus = "ongoing"
    ttd_minutes: float | None = None  # detected - started
    tta_minutes: float | None = None  # acknowledged - detected
    ttm_minutes: float | None = None  # mitigated - started
    ttr_minutes: float | None = None  # resolved - started
    impact_minutes: float | None = None  # ttm, or started..as-of while not mitigated
    postmortem_due: datetime | None = None
    postmortem_state: str = PM_PENDING
    budget: tuple[BudgetImpact, ...] = ()
    known_services: tuple[str, ...] = field(default=())  # the listed services the handbook has

    @property
    def page(self) -> str:
        return f"incidents/{self.id}.md"

    @property
    def heading(self) -> str:
        """Page title and H1: the id first, so search finds the page by it."""
        return f"{self.id}: {self.title}"

    @property
    def postmortem_on_time(self) -> bool | None:
        """True when published by the deadline, False when published late or overdue, else None."""
        if self.postmortem_state == PM_ON_TIME:
            return True
        if self.postmortem_state in (PM_LATE, PM_OVERDUE):
            return False
        return None

    @property
    def postmortem_label(self) -> str:
        return PM_LABELS[self.postmortem_state]

    @property
    def open_follow_ups(self) -> tuple[FollowUp, ...]:
        return tuple(f for f in self.follow_ups if f.is_open)

    @property
    def overdue_follow_ups(self) -> tuple[FollowUp, ...]:
        return tuple(f for f in self.follow_ups if f.overdue)

    @property
    def role(self) -> dict[str, str]:
        return dict(self.roles)

    def impact_of(self, service: str) -> float:
        """The share of the service's requests or users affected: as stated, else 1 (full outage)."""
        return dict(self.impact).get(service, 1.0)

    @property
    def impact_assumed(self) -> tuple[str, ...]:
        """Listed services whose impact share was not stated: a full outage is assumed for them."""
        stated = dict(self.impact)
        return tuple(s for s in self.services if s not in stated)


@dataclass(frozen=True)
class Times:
    """One statistic of the minutes to detect, acknowledge, mitigate and resolve (None where no
    incident of the group has the figure)."""

    ttd: float | None = None
    tta: float | None = None
    ttm: float | None = None
    ttr: float | None = None


@dataclass(frozen=True)
class Stats:
    """Counts and mean, median and 90th-percentile times of a group of incidents (a severity, a
    service, all). The median and p90 are what one outlier cannot drag: they are shown first."""

    count: int = 0
    mean: Times = Times()
    median: Times = Times()
    p90: Times = Times()


@dataclass(frozen=True)
class WindowBudget:
    """A service's availability SLO and how much of its budget incidents used in the current window."""

    service: str
    slo: str
    objective: float
    window_days: float
    window_start: datetime
    budget_minutes: float
    impact_minutes: float  # union of incident impact inside the window (wall clock)
    share: float  # consumed / budget; 1 or more: the budget is exhausted
    incidents: tuple[str, ...]  # ids of the incidents that overlapped the window
    consumed_minutes: float = 0.0  # impact weighted by each incident's impact share (full-outage minutes)
    owner: str | None = None  # the service's owner, who acts on a finding

    @property
    def remaining_share(self) -> float:
        return max(0.0, 1 - self.share)

    @property
    def remaining_minutes(self) -> float:
        return round(max(0.0, self.budget_minutes - self.consumed_minutes), 2)


@dataclass(frozen=True)
class Metrics:
    """Every aggregate figure of the incident log, computed once per build."""

    overall: Stats = Stats()
    by_severity: tuple[tuple[str, Stats], ...] = ()  # in scale order, then unknown severities
    by_service: tuple[tuple[str, Stats], ...] = ()
    # (YYYY-MM, counts by severity, mean time to resolve) for every month from the first to the last
    by_month: tuple[tuple[str, tuple[tuple[str, int], ...], float | None], ...] = ()
    by_status: tuple[tuple[str, int], ...] = ()
    postmortems_on_time: int = 0
    postmortems_missed: int = 0  # published late or overdue
    postmortem_on_time_rate: float | None = None
    follow_ups_total: int = 0
    follow_ups_open: int = 0
    follow_ups_overdue: int = 0
    follow_ups_on_time: int = 0
    follow_ups_late: int = 0
    follow_up_on_time_rate: float | None = None
    window_budgets: tuple[WindowBudget, ...] = ()
    service_incidents: dict[str, tuple[Incident, ...]] = field(default_factory=dict)  # newest first

    @cached_property
    def _budgets_by_service(self) -> dict[str, tuple[WindowBudget, ...]]:
        index: dict[str, list[WindowBudget]] = {}
        for b in self.window_budgets:
            index.setdefault(b.service, []).append(b)
        return {k: tuple(v) for k, v in index.items()}

    def budgets_of(self, service: str) -> tuple[WindowBudget, ...]:
        """The service's availability SLOs with their budget used this window (one look-up per page)."""
        return self._budgets_by_service.get(service, ())
