"""Runbook staleness (age and major incidents), required sections and findings, with stand-ins."""

from __future__ import annotations

from datetime import UTC, date, datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from opsbook.runbooks.derive import (
    by_service,
    latest_major_incidents,
    runbook_findings,
    stale_reasons,
    with_staleness,
)
from opsbook.runbooks.model import Runbook
from opsbook.services.model import Service

AS_OF = datetime(2026, 11, 28, tzinfo=UTC)
BERLIN = ZoneInfo("Europe/Berlin")
MAJOR = ("SEV-1", "SEV-2")


ALL = ("Pager", "Playbooks", "Rollback")


def runbook(
    service: str = "api",
    reviewed: date | None = date(2026, 11, 1),
    sections: tuple[str, ...] = ALL,
    known: bool = True,
    path: str | None = None,
    top: bool = True,
) -> Runbook:
    return Runbook(
        service=service,
        title=service,
        heading=service,
        path=path or f"ops/runbooks/{service}.md",
        page=f"runbooks/{service}.md",
        body="",
        last_reviewed=reviewed,
        sections=sections,
        known_service=known,
        top_level=top,
    )


def incident(severity: str, services: list[str], started: datetime) -> SimpleNamespace:
    return SimpleNamespace(severity=severity, services=services, started=started)


def service(sid: str, slos: bool = True) -> Service:
    return Service(
        id=sid,
        title=sid,
        owner=None,
        description="",
        dashboards=(),
        slos=(object(),) if slos else (),
        file="ops/slo.yml",
        line=1,
    )  # type: ignore[arg-type]


def test_latest_major_incident_per_service_ignores_minor_ones() -> None:
    incidents = [
        incident("SEV-2", ["api", "web"], datetime(2026, 11, 4, 9, 12, tzinfo=UTC)),
        incident("SEV-1", ["api"], datetime(2026, 10, 1, tzinfo=UTC)),
        incident("SEV-3", ["api"], datetime(2026, 11, 20, tzinfo=UTC)),
        SimpleNamespace(severity="SEV-1", services=["db"], started=None),  # an ongoing stand-in without start
    ]
    assert latest_major_incidents(incidents, MAJOR) == {
        "api": datetime(2026, 11, 4, 9, 12, tzinfo=UTC),
        "web": datetime(2026, 11, 4, 9, 12, tzinfo=UTC),
    }


def test_stale_by_age() -> None:
    today = AS_OF.date()
    assert stale_reasons(runbook(reviewed=date(2026, 6, 1)), today, 180, None, BERLIN) == ()  # 180 days: fine
    assert stale_reasons(runbook(reviewed=date(2026, 5, 31)), today, 180, None, BERLIN) == (
        "last reviewed 181 days ago (more than 180)",
    )
    assert stale_reasons(runbook(reviewed=None), today, 180, None, BERLIN)[0].startswith("never reviewed")


def test_stale_when_reviewed_before_the_latest_major_incident() -> None:
    today = AS_OF.date()
    sev = datetime(2026, 11, 4, 9, 12, tzinfo=UTC)
    assert stale_reasons(runbook(reviewed=date(2026, 11, 3)), today, 180, sev, BERLIN) == (
        "last reviewed 2026-11-03, before the latest major incident on api (2026-11-04)",
    )
    same_day = runbook(reviewed=date(2026, 11, 4))
    assert stale_reasons(same_day, today, 180, sev, BERLIN) == ()  # a review on the incident's day counts
    # The incident's day is taken in the handbook's zone: 23:30 UTC on 11-03 is 11-04 in Berlin.
    late = datetime(2026, 11, 3, 23, 30, tzinfo=UTC)
    assert stale_reasons(runbook(reviewed=date(2026, 11, 3)), today, 180, late, BERLIN) != ()


def test_with_staleness_uses_the_incidents_of_the_runbooks_service() -> None:
    rbs = (runbook("api", date(2026, 11, 1)), runbook("web", date(2026, 11, 1)))
    incidents = [
        incident("SEV-1", ["api"], datetime(2026, 11, 4, tzinfo=UTC)),
        incident("SEV-3", ["web"], datetime(2026, 11, 5, tzinfo=UTC)),
    ]
    api, web = with_staleness(rbs, incidents, MAJOR, AS_OF, 180, BERLIN)
    assert api.stale and not web.stale


def test_runbooks_of_no_service_are_never_judged() -> None:
    other = runbook("KubePodCrashLooping", reviewed=None, sections=(), known=False, top=False)
    assert stale_reasons(other, AS_OF.date(), 180, None, BERLIN) == ()
    assert runbook_findings((other,), (service("api", slos=False),)) == []


def test_required_sections_accept_synonyms() -> None:
    hugo_style = ("Meaning", "Impact", "Diagnosis", "Mitigation")
    assert runbook(sections=hugo_style).missing_sections == ("Pager", "Rollback")
    synonyms = ("Escalation policy", "Playbook: 5xx", "Rolling back a release")
    assert runbook(sections=synonyms).missing_sections == ()
    assert runbook(sections=()).missing_sections == ("Pager", "Playbooks", "Rollback")


def test_findings() -> None:
    rbs = with_staleness(
        (
            runbook("api", date(2026, 1, 1), sections=("Pager", "Playbooks")),
            runbook("web"),
            runbook("typo-service", known=False),
            runbook("alerts/Foo", known=False, top=False),
        ),
        [],
        MAJOR,
        AS_OF,
        180,
        BERLIN,
    )
    services = (service("api"), service("web"), service("jobs"), service("docs", slos=False))
    found = runbook_findings(rbs, services)
    assert sorted((f.kind, f.subject, f.url) for f in found) == [
        ("missing-runbook", "jobs", "services/jobs.md"),
        ("runbook-missing-section", "api", "runbooks/api.md"),
        ("runbook-without-service", "typo-service", "runbooks/typo-service.md"),
        ("stale-runbook", "api", "runbooks/api.md"),
    ]


def test_by_service_takes_the_first_runbook_by_path() -> None:
    a = runbook("api", path="ops/runbooks/api.md")
    b = runbook("api", path="ops/runbooks/api-old.md")
    assert by_service((a, b))["api"] is b
    assert "x" not in by_service((runbook("x", known=False),))
