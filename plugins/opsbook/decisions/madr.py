"""MADR 3/4 records: YAML front matter (`status`, `date`, `decision-makers` or `deciders`,
`consulted`, `informed`) and an H1 title; sections `Context and Problem Statement`, `Considered
Options`, `Decision Outcome`. Every key is optional: MADR's own decisions carry only Jekyll keys
(`parent`, `nav_order`) and one of them a `status`.
"""

from __future__ import annotations

from typing import Any

from ..yamlio import LineDict
from .common import people, record, tag_list
from .mdtext import section
from .model import Parsed

FRONT_KEYS = ("status", "date", "decision-makers", "deciders", "consulted", "informed")
SECTIONS = ("context and problem statement", "considered options", "decision outcome")


def looks_like(front: LineDict, body: str) -> bool:
    """MADR front matter keys, or any front matter plus MADR's section headings."""
    if any(key in front for key in FRONT_KEYS):
        return True
    return bool(front) or any(section(body, (name,)) is not None for name in SECTIONS)


def _text(value: Any) -> str | None:
    """A scalar front-matter value as text; None for absent or empty values."""
    if value is None or isinstance(value, (dict, list)):
        return None
    text = str(value).strip()
    return text or None


def parse(front: LineDict, body: str, body_line: int) -> Parsed:
    date_value = front.get("date")
    return record(
        "madr",
        body,
        body_line,
        status=(_text(front.get("status")), front.line_of("status") if "status" in front else None),
        date=(
            None if date_value is None or str(date_value).strip() == "" else str(date_value),
            front.line_of("date") if "date" in front else None,
        ),
        title=str(front["title"]).strip() if _text(front.get("title")) else None,
        deciders=people(front.get("decision-makers", front.get("deciders"))),
        consulted=people(front.get("consulted")),
        informed=people(front.get("informed")),
        tags=tag_list(front.get("tags")),
    )
