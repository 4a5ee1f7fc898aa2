"""The RFCs' part of ops.json."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..site import fields_json
from .model import Rfc

if TYPE_CHECKING:
    from ..handbook import Handbook


def rfc_json(r: Rfc) -> dict[str, Any]:
    return {
        **fields_json(r, "id", "title", "status", "review_state", "days_left", "opens", "closes"),
        **fields_json(r, "authors", "dri", "decision"),
        "log": [fields_json(e, "date", "entry", "by") for e in r.log],
        **fields_json(r, "tags", "file", "url", "findings"),
    }


def rfcs_json(hb: Handbook) -> dict[str, Any]:
    return {"rfcs": [rfc_json(r) for r in hb.rfcs]}
