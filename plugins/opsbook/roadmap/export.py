"""The roadmap's part of ops.json."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..site import findings_by, page_url
from .model import SECTIONS

if TYPE_CHECKING:
    from ..handbook import Handbook


def roadmap_json(hb: Handbook) -> dict[str, Any] | None:
    roadmap = hb.roadmap
    if roadmap is None:
        return None
    by_url = findings_by(hb, lambda f: f.url)
    items = [
        {
            "section": i.section,
            "title": i.title,
            "dri": i.dri,
            "line": i.line,
            "url": page_url(roadmap.page) + f"#{i.anchor}",
            "refs": [{"kind": r.kind, "id": r.id, "url": page_url(r.page)} for r in i.refs],
            "findings": by_url.get(f"{roadmap.page}#{i.anchor}", []),
        }
        for i in roadmap.items
    ]
    return {
        "file": roadmap.file,
        "url": page_url(roadmap.page),
        "sections": {s: [i["title"] for i in items if i["section"] == s] for s in SECTIONS},
        "items": items,
        "by_dri": [{"dri": dri, "items": [i.title for i in dri_items]} for dri, dri_items in roadmap.by_dri().items()],
    }
