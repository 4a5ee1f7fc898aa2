"""Parsing ROADMAP.md: `## Now`, `## Next`, `## Later` sections of list items with `DRI: @handle`."""

from __future__ import annotations

import re
from typing import cast

from .. import markdown
from ..problems import ProblemLog
from ..settings import Settings
from ..sources import present, read_text
from ..team.model import Team
from ..yamlio import split_front_matter
from .model import SECTIONS, Roadmap, RoadmapItem, Section

_DRI = re.compile(r"\(?\bDRI\b\s*[:=]?\s*@([A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9]|[A-Za-z0-9])\)?[.;,]?", re.I)


def section_of(heading: str) -> str | None:
    """`Now`, `Now (Q4 2026)` or `NOW: in flight` -> "Now"; other headings -> None."""
    first = re.split(r"[\s:(—–-]+", heading.strip(), maxsplit=1)[0].lower()
    return next((s for s in SECTIONS if s.lower() == first), None)


def dri_of(text: str) -> str | None:
    match = _DRI.search(text)
    return match.group(1) if match else None


def strip_dri(text: str) -> str:
    """The text without its DRI marker and the punctuation it leaves behind."""
    return re.sub(r"\s{2,}", " ", _DRI.sub("", text)).strip().rstrip(" —–-:;,").strip()


def parse_items(body: str, first_line: int) -> tuple[list[tuple[str, int, list[str]]], set[str]]:
    """(section, line, lines) of every item of a top-level list under a Now/Next/Later heading, and
    the sections found. `first_line` is the file line of the body's first line.

    An item's lines are its text as the one Markdown reader sees it: indented lines dedented by the
    item's own indent (nested lists and fences keep their shape), lazy continuation lines stripped.
    """
    doc = markdown.parse(body)
    sections = [(h.line, section_of(h.text) if h.level == 2 else None) for h in doc.headings if h.level <= 2]
    items: list[tuple[str, int, list[str]]] = []
    for item in doc.items:
        section = next((name for line, name in reversed(sections) if line < item.line), None)
        if section is not None:
            items.append((section, first_line + item.line, list(item.text)))
    return items, {name for _, name in sections if name is not None}


def load_roadmap(settings: Settings, problems: ProblemLog, team: Team | None = None) -> Roadmap | None:
    """The roadmap, or None without the file. Links and references are resolved later
    (`derive.link_roadmap`), once the pages of every kind are known."""
    path = settings.path(settings.roadmap)
    if not present(path):
        return None
    name = settings.roadmap
    text = read_text(path, name, problems, settings.root)
    if text is None:
        return Roadmap(file=name, title="Roadmap", text="")
    _, body, body_line = split_front_matter(text, name, problems)
    title = markdown.first_h1(body) or "Roadmap"
    raw, found = parse_items(body, body_line)
    if not found:
        problems.add(
            name,
            None,
            "no `## Now`, `## Next` or `## Later` section; the roadmap is written as "
            "those three sections of list items, each naming its DRI as `DRI: @handle`",
        )
    items = []
    for section, line, lines in raw:
        whole = "\n".join(lines).strip()
        details = "\n".join(strip_dri(x) if _DRI.search(x) else x for x in lines[1:]).strip("\n")
        dri = dri_of(whole)
        if dri and team is not None and dri not in team.handles:
            problems.add(
                name, line, f"DRI @{dri} is not a person in {team.file}; a DRI is one person's handle defined there"
            )
        items.append(
            RoadmapItem(section=cast(Section, section), title=strip_dri(lines[0]), text=details, dri=dri, line=line)
        )
    return Roadmap(file=name, title=title, text=body, items=tuple(items))
