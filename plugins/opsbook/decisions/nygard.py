"""Nygard / adr-tools records: `# 12. Title`, a `Date:` line, a `## Status` section anywhere.

adr-tools writes the status section's first line as the status and links below it, spelled its
own way: `Supercedes [1. Record](0001-record.md)`, `Superceded by [...]`, `Amended by [...]`.
Arachne-style files put `## Context` before `## Status` and carry no date at all.
"""

from __future__ import annotations

import re

from ..markdown import lines_outside_code
from .common import links_relations, split_title
from .mdtext import headings, remove_lines, section
from .model import Parsed
from .status import read_status

_DATE = re.compile(r"^\s*[*_]*date[*_]*\s*:\s*[*_]*\s*(?P<value>.+?)\s*$", re.I)


def looks_like(body: str) -> bool:
    """A `## Status` section, a `Date:` line before the first section, or a numbered H1."""
    if section(body, ("status",)) is not None:
        return True
    if _date_line(body) is not None:
        return True
    first = next((h for h in headings(body) if h.level == 1), None)
    return first is not None and bool(re.match(r"^\d+\.\s", first.text))


def _date_line(body: str) -> tuple[int, str] | None:
    first_section = next((h.line for h in headings(body) if h.level >= 2), len(body.split("\n")))
    for index, line in lines_outside_code(body):
        m = _DATE.match(line) if index < first_section else None
        if m:
            return index, m.group("value")
    return None


def parse(body: str, body_line: int) -> Parsed:
    title, number, title_lines, _ = split_title(body)
    drop = set(title_lines)
    date_text = date_line = None
    found_date = _date_line(body)
    if found_date is not None:
        drop.add(found_date[0])
        date_text, date_line = found_date[1], body_line + found_date[0]
    status = read_status(None)
    status_line = None
    relations = links_relations(body, body_line)
    found = section(body, ("status",))
    if found is not None:
        heading, text = found
        status = read_status(text)
        first = next((i for i, line in enumerate(text.split("\n")) if line.strip()), None)
        status_line = body_line + heading.end + first if first is not None else body_line + heading.line
        relations = [(ref, status_line) for ref in status.relations] + relations
    return Parsed(
        source_format="nygard",
        title=title,
        number=number,
        status=status,
        status_line=status_line,
        date_text=date_text,
        date_line=date_line,
        relations=tuple(relations),
        body=remove_lines(body, drop),
        body_line=body_line,
    )
