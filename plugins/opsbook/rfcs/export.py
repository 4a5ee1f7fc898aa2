"""The RFCs' part of ops.json."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..site import iso
from .model import Rfc

if TYPE_CHECKING:
    from ..handbook import Handbook


def rfc_json(r: Rfc) -> dict[str, Any]:
    return {
        "id": r.id,
        "title": r.title,
        "status": r.status,
        "review_state": r.review_state,
        "days_left": r.days_left,
        "opens": iso(r.opens),
        "closes": iso(r.closes),
        "authors": list(r.authors),
        "dri": r.dri,
        "decision": r.decision,
        "log": [{"date": iso(e.date), "entry": e.entry, "by": e.by} for e in r.log],
        "tags": list(r.tags),
        "file": r.file,
        "url": r.url,
        "findings": [f.to_json() for f in r.findings],
    }


def rfcs_json(hb: Handbook) -> dict[str, Any]:
    return {"rfcs": [rfc_json(r) for r in hb.rfcs]}
