"""The checklists part of ops.json."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..site import fields_json, page_url
from .model import ChecklistItem

if TYPE_CHECKING:
    from ..handbook import Handbook


def item_json(item: ChecklistItem) -> dict[str, Any]:
    return {
        "id": item.key,
        **fields_json(item, "text", "check", "service"),
        "link": None if item.link is None else (item.link if "://" in item.link else page_url(item.link)),
        **fields_json(item, "result"),
    }


def checklists_json(hb: Handbook) -> list[dict[str, Any]]:
    return [
        {
            **fields_json(c, "id", "title", "audience", "file"),
            "url": page_url(c.page),
            "sections": [{"title": s.title, "items": [item_json(i) for i in s.items]} for s in c.sections],
        }
        for c in hb.checklists
    ]
