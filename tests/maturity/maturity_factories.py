"""Small hand-built handbooks for unit tests of checks and the rubric (no files, no MkDocs)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from opsbook.cadence.model import Ritual
from opsbook.decisions.model import Decision
from opsbook.handbook import Handbook
from opsbook.incidents.derive import metrics
from opsbook.incidents.model import PM_ON_TIME, FollowUp, Incident
from opsbook.rfcs.model import Rfc
from opsbook.roadmap.model import Roadmap, RoadmapItem
from opsbook.runbooks.model import Runbook
from opsbook.services.derive import make_slo
from opsbook.services.model import Service
from opsbook.settings import Settings
from opsbook.team.model import Person, Rotation, Team

AS_OF = datetime(2026, 11, 28, tzinfo=UTC)
TODAY = AS_OF.date()


def service(
    sid: str = "api",
    owner: str | None = "platform-pod",
    slis: tuple[str, ...] = ("availability", "latency"),
    objective: float = 99.9,
    dashboards: tuple[str, ...] = ("https://grafana.example/d/x",),
) -> Service:
    slos = tuple(
        make_slo(
            sid,
            sli,
            objective,
            timedelta(days=30),
            timedelta(milliseconds=200) if sli == "latency" else None,
            "ops/slo.yml",
            1,
        )
        for sli in slis
    )
    return Service(
        id=sid,
        title=sid.upper(),
        owner=owner,
        description="",
        dashboards=dashboards,
        slos=slos,
        file="ops/slo.yml",
        line=1,
    )


def runbook(sid: str = "api", reviewed: date | None = date(2026, 11, 1), stale: tuple[str, ...] = ()) -> Runbook:
    return Runbook(
        service=sid,
        title=f"{sid} runbook",
        heading=f"{sid} runbook",
        path=f"ops/runbooks/{sid}.md",
        page=f"runbooks/{sid}.md",
        body="",
        last_reviewed=reviewed,
        known_service=True,
        sections=("Pager", "Playbooks", "Rollback"),
        stale_reasons=stale,
    )


def incident(
    iid: str = "INC-20261101-01",
    services: tuple[str, ...] = ("api",),
    severity: str = "SEV-1",
    started: datetime = datetime(2026, 11, 1, 9, tzinfo=UTC),
    pm_state: str = PM_ON_TIME,
    published: date | None = date(2026, 11, 2),
    detected_by: str = "monitor",
    follow_ups: tuple[FollowUp, ...] = (),
) -> Incident:
    return Incident(
        id=iid,
        title=f"Incident {iid}",
        severity=severity,
        services=services,
        file=f"ops/incidents/{iid}.md",
        detected_by=detected_by,
        started=started,
        postmortem_published=published,
        postmortem_state=pm_state,
        follow_ups=follow_ups,
        status="resolved",
    )


def follow_up(action: str = "Add an alert", overdue: bool = False, status: str = "open") -> FollowUp:
    return FollowUp(
        action=action,
        owner="carol",
        due=date(2026, 11, 20),
        status=status,
        overdue=overdue,
        days_overdue=8 if overdue else 0,
    )


def decision(
    did: str = "2026-0001",
    status: str = "accepted",
    tags: tuple[str, ...] = (),
    revisit: date | None = None,
    superseded_by: tuple[str, ...] = (),
) -> Decision:
    return Decision(
        id=did,
        title=f"Decision {did}",
        status=status,
        status_raw=status,
        status_kind="exact",
        date=date(2026, 1, 1),
        date_source="metadata",
        source_format="opsbook",
        file=f"ops/decisions/{did}-x.md",
        line=1,
        folder="ops/decisions",
        page=f"decisions/{did}.md",
        body="",
        tags=tags,
        revisit=revisit,
        superseded_by=superseded_by,
    )


def rfc(rid: str = "2026-11-x", review_state: str = "closed") -> Rfc:
    return Rfc(
        id=rid,
        title=f"RFC {rid}",
        status="review",
        status_raw="review",
        authors=("frank",),
        dri="frank",
        opens=date(2026, 11, 1),
        closes=date(2026, 11, 10),
        decision=None,
        log=(),
        tags=(),
        body="",
        file=f"rfcs/{rid}.md",
        line=1,
        page=f"rfcs/{rid}.md",
        review_state=review_state,
    )


def ritual(name: str = "Triage", owner: str | None = "EM/TPM") -> Ritual:
    return Ritual(
        name=name,
        frequency="weekly",
        days=(0,),
        time=time(9, 30),
        duration=timedelta(minutes=30),
        format="sync",
        channel="#triage",
        owner=owner,
        purpose="",
        start=date(2026, 1, 5),
    )


def roadmap(*dris: str | None) -> Roadmap:
    items = tuple(RoadmapItem(section="Now", title=f"Item {n}", text="", dri=d, line=n + 3) for n, d in enumerate(dris))
    return Roadmap(file="ROADMAP.md", title="Roadmap", text="", items=items)


def team(rotation_members: tuple[str, ...] = ("alice", "bob")) -> Team:
    people = (Person("alice", "Alice"), Person("bob", "Bob"))
    rotations = (
        Rotation(
            name="Primary",
            cadence="weekly",
            start=date(2026, 11, 2),
            handoff_day=0,
            handoff_time=time(10),
            timezone="UTC",
            members=rotation_members,
        ),
    )
    return Team(file="ops/team.yml", people=people, pods=frozenset({"platform-pod"}), rotations=rotations)


def handbook(tmp: Path | None = None, **kinds: Any) -> Handbook:
    settings = Settings(root=tmp or Path("/nonexistent"), as_of=AS_OF)
    kinds.setdefault("services", (service(),))
    if kinds.get("incidents"):  # the log's aggregates, as the build derives them once
        kinds["incident_metrics"] = metrics(
            kinds["incidents"], kinds["services"], [s.id for s in settings.severities], AS_OF, UTC
        )
    return Handbook(settings=settings, **kinds)
