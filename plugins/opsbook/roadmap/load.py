"""Parsing ROADMAP.md: `## Now`, `## Next`, `## Later` sections of list items with `DRI: @handle`."""

from __future__ import annotations

import re
from typing import cast

from ..problems import ProblemLog
from ..settings import Settings
from ..sources import read_text
from ..team.model import Team
from ..yamlio import split_front_matter
from .model import SECTIONS, Roadmap, RoadmapItem, Section

_H1 = re.compile(r"^#\s+(.+?)\s*#*\s*$")
_H2 = re.compile(r"^##\s+(.+?)\s*#*\s*$")
_HEADING = re.compile(r"^#{1,6}\s")
_ITEM = re.compile(r"^(?:[-*+]|\d+[.)])\s+(.*)$")
_DRI = re.compile(r"\(?\bDRI\b\s*[:=]?\s*@([A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9]|[A-Za-z0-9])\)?[.;,]?", re.I)
_FENCE = re.compile(r"^\s*(```|~~~)")


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
    """(section, line, lines) of every top-level list item under a Now/Next/Later heading, and the
    sections found. `first_line` is the file line of the body's first line.

    An item goes on over indented lines (dedented by the item's own indent, so nested lists and
    fences keep their shape) and over unindented "lazy" lines right after its paragraph text.
    """
    items: list[tuple[str, int, list[str]]] = []
    found: set[str] = set()
    section: str | None = None
    open_item = lazy_ok = top_fenced = item_fenced = False
    indent = 0
    for offset, line in enumerate(body.split("\n")):
        indented = line.startswith((" ", "\t"))
        if _FENCE.match(line) and not (open_item and indented):
            top_fenced, open_item = not top_fenced, False  # a fence of its own: never an item
            continue
        if top_fenced:
            continue
        if h2 := _H2.match(line):
            section, open_item = section_of(h2.group(1)), False
            found |= {section} if section else set()
            continue
        if _HEADING.match(line):
            section = None if line.startswith("# ") else section
            open_item = False
            continue
        if section is None:
            continue
        if m := _ITEM.match(line):
            items.append((section, first_line + offset, [m.group(1)]))
            open_item, lazy_ok, item_fenced, indent = True, True, False, m.start(1)
        elif not line.strip():
            if open_item:
                items[-1][2].append("")
            lazy_ok = False
        elif open_item and (indented or lazy_ok):
            spaces = len(line) - len(line.lstrip(" "))
            items[-1][2].append(line[min(spaces, indent) :] if indented else line.strip())
            item_fenced ^= bool(_FENCE.match(line))
            # Only paragraph text continues lazily: not a blank line, a fence or code.
            lazy_ok = not item_fenced and not _FENCE.match(line)
        else:
            open_item = False
    return items, found


def load_roadmap(settings: Settings, problems: ProblemLog, team: Team | None = None) -> Roadmap | None:
    """The roadmap, or None without the file. Links and references are resolved later
    (`derive.link_roadmap`), once the pages of every kind are known."""
    path = settings.path(settings.roadmap)
    if not path.is_file():
        return None
    name = settings.roadmap
    text = read_text(path, name, problems)
    if text is None:
        return Roadmap(file=name, title="Roadmap", text="")
    _, body, body_line = split_front_matter(text, name, problems)
    title = next((m.group(1) for line in body.split("\n") if (m := _H1.match(line))), "Roadmap")
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
