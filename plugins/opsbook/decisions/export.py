"""The decision log's part of ops.json."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..site import fields_json
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


_LINKS = ("supersedes", "superseded_by", "amends", "amended_by", "in_favour_of", "incidents")
_ABOUT = ("source_format", "file", "url", "tags", "owner", "deciders", "revisit", "rfcs", "notes", "findings")


def decision_json(d: Decision) -> dict[str, Any]:
    return {
        **fields_json(d, "id", "title", "status", "status_raw", "status_qualifier", "date", *_LINKS),
        "in_force": in_force(d),
        **fields_json(d, *_ABOUT),
    }


def decisions_json(hb: Handbook) -> dict[str, Any]:
    return {"decisions": [decision_json(d) for d in hb.decisions]}
