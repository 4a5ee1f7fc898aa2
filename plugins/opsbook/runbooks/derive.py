"""Runbook staleness and findings: pure functions over runbooks, services and incidents."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date, datetime, tzinfo
from typing import Any

from ..links import rewrite_links
from ..problems import Finding, FindingKind
from ..services.model import Service
from .model import Runbook


def latest_major_incidents(incidents: Iterable[Any], major: Iterable[str]) -> dict[str, datetime]:
    """Per service, when its latest incident of a `major` severity (SEV-1/SEV-2) started.

    Incidents are anything with `.severity`, `.services` and `.started` (an aware datetime).
    """
    severities = set(major)
    latest: dict[str, datetime] = {}
    for incident in incidents:
        started = getattr(incident, "started", None)
        if getattr(incident, "severity", None) not in severities or not isinstance(started, datetime):
            continue
        for service in getattr(incident, "services", ()) or ():
            if service not in latest or started > latest[service]:
                latest[service] = started
    return latest


def stale_reasons(
    runbook: Runbook, as_of: date, stale_days: int, latest_major: datetime | None, tz: tzinfo
) -> tuple[str, ...]:
    """Why a service runbook is stale: never reviewed, reviewed too long ago, or before the
    service's latest SEV-1/SEV-2 (a review on the incident's day, in `tz`, counts as after it)."""
    if not runbook.is_service_runbook:
        return ()
    if runbook.last_reviewed is None:
        return ("never reviewed: add `last_reviewed: YYYY-MM-DD` to its front matter",)
    reasons = []
    age = (as_of - runbook.last_reviewed).days
    if age > stale_days:
        reasons.append(f"last reviewed {age} days ago (more than {stale_days})")
    if latest_major is not None and runbook.last_reviewed < latest_major.astimezone(tz).date():
        reasons.append(
            f"last reviewed {runbook.last_reviewed.isoformat()}, before the latest major incident on "
            f"{runbook.service} ({latest_major.astimezone(tz).date().isoformat()})"
        )
    return tuple(reasons)


def with_staleness(
    runbooks: tuple[Runbook, ...],
    incidents: Iterable[Any],
    major: Iterable[str],
    as_of: datetime,
    stale_days: int,
    tz: tzinfo,
) -> tuple[Runbook, ...]:
    """The runbooks with `stale_reasons` filled in at the as-of date."""
    latest = latest_major_incidents(incidents, major)
    today = as_of.astimezone(tz).date()
    return tuple(
        replace(rb, stale_reasons=stale_reasons(rb, today, stale_days, latest.get(rb.service), tz)) for rb in runbooks
    )


def with_links(runbooks: tuple[Runbook, ...], resolve: Callable[[str], str | None]) -> tuple[Runbook, ...]:
    """The runbooks with relative links in their bodies pointing at site pages (or dropped)."""
    return tuple(replace(rb, body=rewrite_links(rb.body, rb.path, rb.page, resolve)) for rb in runbooks)


def by_service(runbooks: Iterable[Runbook]) -> dict[str, Runbook]:
    """The runbook of each known service (the first by path when several name the same service)."""
    index: dict[str, Runbook] = {}
    for rb in sorted(runbooks, key=lambda r: r.path):
        if rb.is_service_runbook:
            index.setdefault(rb.service, rb)
    return index


def runbook_findings(runbooks: tuple[Runbook, ...], services: tuple[Service, ...]) -> list[Finding]:
    """Stale runbooks, missing sections, services with SLOs and no runbook, and top-level runbooks
    whose name is no service (most likely a renamed service or a typo: the service page loses it)."""
    findings: list[Finding] = []
    for rb in runbooks:
        if rb.is_service_runbook:
            for reason in rb.stale_reasons:
                findings.append(
                    Finding(FindingKind.STALE_RUNBOOK, rb.service, f"Runbook {rb.path} is stale: {reason}", rb.page)
                )
            for section in rb.missing_sections:
                findings.append(
                    Finding(
                        FindingKind.RUNBOOK_MISSING_SECTION,
                        rb.service,
                        f"Runbook {rb.path} has no {section} section",
                        rb.page,
                    )
                )
        elif rb.top_level and not rb.section_page and services:
            findings.append(
                Finding(
                    FindingKind.RUNBOOK_WITHOUT_SERVICE,
                    rb.service,
                    f"Runbook {rb.path} names no service (no service {rb.service!r}); "
                    "rename it to <service>.md or set `service:` in its front matter",
                    rb.page,
                )
            )
    index = by_service(runbooks)
    for service in services:
        if service.slos and service.id not in index:
            findings.append(
                Finding(
                    FindingKind.MISSING_RUNBOOK,
                    service.id,
                    f"Service {service.id} has SLOs but no runbook",
                    service.page,
                )
            )
    return findings
