"""Scorecards: every criterion judged for every service and the organisation, and the level rule."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from ..checks import NOT_ASSESSED, Evidence, run
from ..checks.result import PASS
from ..problems import Finding, FindingKind
from .model import (
    EXEMPT,
    ORGANISATION,
    Attestation,
    Criterion,
    CriterionResult,
    Exemption,
    Maturity,
    Rubric,
    Scorecard,
)

if TYPE_CHECKING:
    from ..handbook import Handbook
    from ..services.model import Service

ORG_PAGE = "maturity/index.md"


def level_of(results: Iterable[CriterionResult], top: int = 5) -> int:
    """The highest level N whose criteria, and those of every level from 2 to N, pass or are exempt.

    Level 1 needs nothing; a level without criteria is met as soon as the levels below it are.
    """
    unmet = {r.criterion.level for r in results if not r.met}
    level = 1
    while level < top and level + 1 not in unmet:
        level += 1
    return level


def judge(
    hb: Handbook,
    crit: Criterion,
    service: Service | None,
    exemption: Exemption | None,
    attestation: Attestation | None,
    today: date,
) -> CriterionResult:
    """One criterion for one service (None: the organisation): the check or attestation, then exemption."""
    if crit.attestation:
        if attestation is not None and attestation.active(today):
            ev = Evidence(f"attested by {attestation.by} on {attestation.on}", attestation.evidence)
            result = CriterionResult(crit, PASS, attestation.note or "attested", (ev,))
        elif attestation is not None:
            result = CriterionResult(
                crit,
                NOT_ASSESSED,
                f"the attestation by {attestation.by} lapsed on "
                f"{attestation.until}; attest again in {attestation.file}",
            )
        else:
            result = CriterionResult(
                crit, NOT_ASSESSED, f"needs an attestation with evidence in {hb.settings.maturity}"
            )
    else:
        assert crit.check is not None
        outcome = run(hb, crit.check, service)
        result = CriterionResult(crit, outcome.outcome, outcome.detail, outcome.evidence)
    if exemption is None:
        return result
    if result.outcome == PASS:
        return CriterionResult(crit, PASS, result.detail, result.evidence)  # the exemption is not needed
    if exemption.active(today):
        return CriterionResult(
            crit, EXEMPT, f"exempt until {exemption.until}: {exemption.reason}", result.evidence, exemption
        )
    return CriterionResult(
        crit,
        result.outcome,
        f"{result.detail} (exemption expired {exemption.until.isoformat()})",
        result.evidence,
        exemption,
    )


def evaluate(hb: Handbook, rubric: Rubric) -> Maturity:
    """Every scorecard of the handbook at the as-of date."""
    today = hb.as_of.astimezone(hb.settings.timezone).date()
    exemptions = {(e.criterion, e.service): e for e in rubric.exemptions}
    attestations = {(a.criterion, a.service): a for a in rubric.attestations}  # the last one counts

    def card(
        subject: str, title: str, page: str, service: Service | None, criteria: tuple[Criterion, ...]
    ) -> Scorecard:
        key = service.id if service is not None else None
        results = tuple(
            judge(hb, c, service, exemptions.get((c.id, key)), attestations.get((c.id, key)), today) for c in criteria
        )
        return Scorecard(subject, title, page, level_of(results), results)

    services = tuple(
        card(s.id, s.title, scorecard_page(s.id), s, tuple(c for c in rubric.criteria if c.applies_to(s.id)))
        for s in hb.services
    )
    org = card(ORGANISATION, "The organisation", ORG_PAGE, None, rubric.of_scope(ORGANISATION))
    expired = tuple(e for e in rubric.exemptions if not e.active(today))
    return Maturity(rubric, services, org, expired)


def scorecard_page(service_id: str) -> str:
    return f"maturity/{service_id}.md"


def maturity_findings(maturity: Maturity | None) -> list[Finding]:
    """Expired exemptions: the criterion counts again, and someone promised it would be met by now."""
    if maturity is None:
        return []
    findings = []
    for e in maturity.expired:
        page = scorecard_page(e.service) if e.service else ORG_PAGE
        who = e.service or "the organisation"
        findings.append(
            Finding(
                FindingKind.EXPIRED_EXEMPTION,
                e.service or ORGANISATION,
                f"The exemption of {who} from {e.criterion!r} expired on {e.until} "
                f"({e.reason}); meet the criterion or renew the exemption in {e.file}",
                page,
            )
        )
    return findings
