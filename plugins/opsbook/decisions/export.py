"""The decision log's part of ops.json."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..site import iso
from .model import Decision

if TYPE_CHECKING:
    from ..handbook import Handbook


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
        "status_qualifier": d.status_qualifier,
        "date": iso(d.date),
        "supersedes": list(d.supersedes),
        "superseded_by": list(d.superseded_by),
        "amends": list(d.amends),
        "amended_by": list(d.amended_by),
        "in_favour_of": list(d.in_favour_of),
        "incidents": list(d.incidents),
        "in_force": in_force(d),
        "source_format": d.source_format,
        "file": d.file,
        "url": d.url,
        "tags": list(d.tags),
        "owner": d.owner,
        "deciders": list(d.deciders),
        "revisit": iso(d.revisit),
        "rfcs": list(d.rfcs),
        "notes": list(d.notes),
        "findings": [f.to_json() for f in d.findings],
    }


def decisions_json(hb: Handbook) -> dict[str, Any]:
    return {"decisions": [decision_json(d) for d in hb.decisions]}
