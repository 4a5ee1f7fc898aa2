"""Pieces every foreign format shares: the H1 title, the `## Links` section, lists of people."""

from __future__ import annotations

import re
from typing import Any

from .mdtext import clean_title, section, title_heading
from .status import RelationRef, read_relations


def split_title(body: str) -> tuple[str | None, int | None, set[int], int | None]:
    """(title, number in the title, body line indexes of the heading, its index) of the record's H1."""
    heading = title_heading(body)
    if heading is None:
        return None, None, set(), None
    title, number = clean_title(heading.text)
    return (title or None), number, set(range(heading.line, heading.end)), heading.line


def links_relations(body: str, body_line: int) -> list[tuple[RelationRef, int | None]]:
    """Relations listed in a `## Links` section (MADR 2, log4brains): `- Supersedes [x](x.md)`."""
    found = section(body, ("links", "related decisions"))
    if found is None:
        return []
    heading, text = found
    refs: list[tuple[RelationRef, int | None]] = []
    for offset, line in enumerate(text.split("\n")):
        for ref in read_relations(line):
            refs.append((ref, body_line + heading.end + offset))
    return refs


def people(value: Any) -> tuple[str, ...]:
    """`John Doe, Foo bar` or a YAML list -> names; placeholders such as `{list everyone}` -> ()."""
    if value is None:
        return ()
    items = [str(v) for v in value] if isinstance(value, list) else re.split(r"[,;]", str(value))
    names = (" ".join(i.split()).strip(" .") for i in items)
    return tuple(n for n in names if n and not n.startswith(("{", "[", "<!--")))


def tag_list(value: Any) -> tuple[str, ...]:
    """Tags written as a list, or `foo, bar` / `foo bar` as log4brains allows."""
    if value is None:
        return ()
    items = [str(v) for v in value] if isinstance(value, list) else re.split(r"[,\s]+", str(value))
    tags = (i.strip().strip("#").lower() for i in items)
    return tuple(dict.fromkeys(t for t in tags if t and not t.startswith(("{", "["))))
