"""Findings of the decision log at the as-of date: lapsed revisit dates and status words kept as
written. Pure functions over loaded records; the as-of date is the only clock."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from ..problems import Finding, FindingKind
from .model import Decision
from .status import STATUSES


def findings_for(record: Decision, today: date) -> tuple[Finding, ...]:
    found: list[Finding] = []
    url = record.page  # like every finding: the page path, which pages link to with link()
    if record.revisit is not None and record.revisit < today and not record.retired:
        days = (today - record.revisit).days
        found.append(
            Finding(
                FindingKind.DECISION_REVISIT_DUE,
                record.id,
                f"revisit date {record.revisit} passed {days} day{'s' if days != 1 else ''} ago; "
                "review the decision, then set a new revisit date or supersede it",
                url,
                record.owner,
            )
        )
    if record.status_kind == "kept":
        found.append(
            Finding(
                FindingKind.DECISION_STATUS_UNKNOWN,
                record.id,
                f"status {record.status_raw!r} is not one of {', '.join(STATUSES)}; it is kept as "
                "written: say which one it means",
                url,
                record.owner,
            )
        )
    return tuple(found)


def with_findings(records: tuple[Decision, ...], today: date) -> tuple[Decision, ...]:
    return tuple(replace(r, findings=findings_for(r, today)) for r in records)


def decision_findings(records: tuple[Decision, ...]) -> list[Finding]:
    """Every finding of the decision log, for the handbook's "needs attention" lists."""
    return [f for r in records for f in r.findings]
