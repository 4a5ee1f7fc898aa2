"""The runbooks' part of ops.json."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..site import findings_by, page_url

if TYPE_CHECKING:
    from ..handbook import Handbook


def runbooks_json(hb: Handbook) -> list[dict[str, Any]]:
    by_url = findings_by(hb, lambda f: f.url)
    return [
        {
            "service": rb.service if rb.known_service else None,
            "name": rb.service,
            "title": rb.title,
            "path": rb.path,
            "url": page_url(rb.page),
            "owner": rb.owner,
            "last_reviewed": rb.last_reviewed.isoformat() if rb.last_reviewed else None,
            "review_age_days": rb.review_age_days,
            "pager": rb.pager,
            "sections": list(rb.sections),
            "missing_sections": list(rb.missing_sections) if rb.is_service_runbook else [],
            "stale": rb.stale,
            "stale_reasons": list(rb.stale_reasons),
            "findings": by_url.get(rb.page, []),
        }
        for rb in sorted(hb.runbooks, key=lambda r: r.path)
    ]
