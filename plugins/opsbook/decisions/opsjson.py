"""The decision log's and the RFCs' part of ops.json."""

from __future__ import annotations

from typing import Any

from ..rfcs.model import Rfc
from .model import Decision


def _day(value: Any) -> str | None:
    return None if value is None else value.isoformat()


def in_force(d: Decision) -> bool | None:
    """True for an accepted record nothing replaced, False for proposed or retired ones, None when
    the record does not say (no status, or a word kept as written)."""
    if d.retired or d.status == "proposed":
        return False
    if d.status == "accepted":
        return True
    return None


def decision_json(d: Decision) -> dict[str, Any]:
    return {
        "id": d.id,
        "title": d.title,
        "status": d.status,
        "status_raw": d.status_raw,
        "date": _day(d.date),
        "supersedes": list(d.supersedes),
        "superseded_by": list(d.superseded_by),
        "amends": list(d.amends),
        "amended_by": list(d.amended_by),
        "in_force": in_force(d),
        "source_format": d.source_format,
        "file": d.file,
        "url": d.url,
        "tags": list(d.tags),
        "owner": d.owner,
        "deciders": list(d.deciders),
        "revisit": _day(d.revisit),
        "rfcs": list(d.rfcs),
        "notes": list(d.notes),
        "findings": [f.to_json() for f in d.findings],
    }


def rfc_json(r: Rfc) -> dict[str, Any]:
    return {
        "id": r.id,
        "title": r.title,
        "status": r.status,
        "review_state": r.review_state,
        "days_left": r.days_left,
        "opens": _day(r.opens),
        "closes": _day(r.closes),
        "authors": list(r.authors),
        "dri": r.dri,
        "decision": r.decision,
        "log": [{"date": _day(e.date), "entry": e.entry, "by": e.by} for e in r.log],
        "tags": list(r.tags),
        "file": r.file,
        "url": r.url,
        "findings": [f.to_json() for f in r.findings],
    }
