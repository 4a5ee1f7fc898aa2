"""The runbooks' part of ops.json."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..decisions.model import page_url
from ..problems import Finding

if TYPE_CHECKING:
    from ..handbook import Handbook


def findings_by(hb: Handbook, key: Callable[[Finding], str | None]) -> dict[str, list[dict[str, object]]]:
    """The handbook's findings as ops.json item findings, grouped by `key` (e.g. the finding's url)."""
    grouped: dict[str, list[dict[str, object]]] = {}
    for f in hb.findings:
        if (k := key(f)) is not None:
            grouped.setdefault(k, []).append({"kind": f.kind, "message": f.message})
    return grouped


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
