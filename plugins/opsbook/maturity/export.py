"""The maturity part of ops.json: `services[].maturity` and the top-level `maturity`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..site import page_url
from .model import CriterionResult, Rubric, Scorecard

if TYPE_CHECKING:
    from ..handbook import Handbook


def result_json(r: CriterionResult) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": r.criterion.id,  # title, check and scope are in the top-level `maturity.rubric`
        "level": r.criterion.level,
        "outcome": r.outcome,
        "detail": r.detail,
        "evidence": [e.to_json() for e in r.evidence],
    }
    if r.exemption is not None:
        data["exemption"] = {"reason": r.exemption.reason, "until": r.exemption.until.isoformat()}
    return data


def scorecard_json(card: Scorecard, rubric: Rubric) -> dict[str, Any]:
    return {
        "level": card.level,
        "level_name": rubric.level(card.level).name,
        "next_level": card.next_level,
        "missing": [r.criterion.id for r in card.missing],
        "url": page_url(card.page),
        "criteria": [result_json(r) for r in card.results],
    }


def service_maturity_json(hb: Handbook, service_id: str) -> dict[str, Any] | None:
    """`services[].maturity`: level, what the next level needs, and every criterion's outcome."""
    if hb.maturity is None:
        return None
    card = hb.maturity.by_service.get(service_id)
    if card is None:
        return None
    return scorecard_json(card, hb.maturity.rubric)


def maturity_json(hb: Handbook) -> dict[str, Any] | None:
    """Top-level `maturity`: levels, the rubric, the organisation's scorecard, distribution, exemptions."""
    m = hb.maturity
    if m is None:
        return None
    today = hb.as_of.astimezone(hb.settings.timezone).date()
    return {
        "levels": [{"level": lv.number, "name": lv.name, "summary": lv.summary} for lv in m.rubric.levels],
        "rubric": [
            {
                "id": c.id,
                "level": c.level,
                "title": c.title,
                "scope": c.scope,
                "check": c.check,
                "attestation": c.attestation,
                "services": list(c.services),
                "source": c.source,
            }
            for c in m.rubric.criteria
        ],
        "organisation": scorecard_json(m.organisation, m.rubric),
        "distribution": {str(lv.number): len(cards) for lv, cards in m.distribution},
        "exemptions": [
            {
                "service": e.service,
                "criterion": e.criterion,
                "reason": e.reason,
                "until": e.until.isoformat(),
                "expired": not e.active(today),
            }
            for e in m.rubric.exemptions
        ],
        "attestations": [
            {
                "service": a.service,
                "criterion": a.criterion,
                "by": a.by,
                "date": a.on.isoformat(),
                "evidence": a.evidence,
                "until": a.until.isoformat() if a.until else None,
            }
            for a in m.rubric.attestations
        ],
    }
