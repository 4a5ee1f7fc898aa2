"""The runbooks' part of ops.json."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..handbook import Handbook


def page_url(page: str) -> str:
    """Site URL of a page path with directory URLs: runbooks/api.md -> runbooks/api/."""
    stem = page.removesuffix(".md")
    return stem.removesuffix("index") if stem == "index" or stem.endswith("/index") else stem + "/"


def runbooks_json(hb: Handbook) -> list[dict[str, Any]]:
    by_url: dict[str, list[dict[str, object]]] = {}
    for f in hb.findings:
        if f.url:
            by_url.setdefault(f.url, []).append({"kind": f.kind, "message": f.message})
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
