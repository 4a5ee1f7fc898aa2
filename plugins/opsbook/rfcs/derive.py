"""Review windows at the as-of date: upcoming, open (with days left), overdue, closed."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from ..problems import Finding, FindingKind
from .model import DECIDED, ReviewState, Rfc


def review_state(
    status: str | None, opens: date | None, closes: date | None, today: date
) -> tuple[ReviewState, int | None]:
    """(state, days_left). A decided RFC is closed whatever its dates; an undecided one is upcoming
    before `opens`, open until the end of `closes` and overdue after it (days_left negative)."""
    if status in DECIDED:
        return "closed", None
    if opens is None or closes is None:
        return "unscheduled", None
    if today < opens:
        return "upcoming", None
    if today <= closes:
        return "open", (closes - today).days
    return "overdue", -(today - closes).days


def derive(rfcs: tuple[Rfc, ...], today: date) -> tuple[Rfc, ...]:
    out = []
    for rfc in rfcs:
        state, days = review_state(rfc.status, rfc.opens, rfc.closes, today)
        findings: list[Finding] = []
        if state == "overdue" and days is not None:
            late = -days
            findings.append(
                Finding(
                    FindingKind.RFC_OVERDUE,
                    rfc.id,
                    f"review closed on {rfc.closes} ({late} day{'s' if late != 1 else ''} ago) and "
                    f"the RFC is still {rfc.status}: record the outcome in its status and log",
                    rfc.page,
                    rfc.dri,
                )
            )
        out.append(replace(rfc, review_state=state, days_left=days, findings=tuple(findings)))
    return tuple(out)


def rfc_findings(rfcs: tuple[Rfc, ...]) -> list[Finding]:
    return [f for r in rfcs for f in r.findings]
