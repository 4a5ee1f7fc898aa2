"""Nygard / adr-tools records: `# 12. Title`, a `Date:` line, a `## Status` section anywhere.

adr-tools writes the status section's first line as the status and links below it, spelled its
own way: `Supercedes [1. Record](0001-record.md)`, `Superceded by [...]`, `Amended by [...]`.
Arachne-style files put `## Context` before `## Status` and carry no date at all.
"""

from __future__ import annotations

import re

from ..markdown import lines_outside_code
from .common import record
from .mdtext import headings, section
from .model import Parsed

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
    drop = set()
    date: tuple[str | None, int | None] = (None, None)
    found_date = _date_line(body)
    if found_date is not None:
        drop.add(found_date[0])
        date = found_date[1], body_line + found_date[0]
    status: tuple[str | None, int | None] = (None, None)
    found = section(body, ("status",))
    if found is not None:
        heading, text = found
        first = next((i for i, line in enumerate(text.split("\n")) if line.strip()), None)
        status = text, body_line + heading.end + first if first is not None else body_line + heading.line
    return record("nygard", body, body_line, status=status, date=date, drop=drop)
