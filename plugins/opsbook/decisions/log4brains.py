"""log4brains / MADR 2 records: metadata as bullets under the H1, no front matter.

    # Use Markdown Architectural Decision Records

    - Status: superseded by [20201016-use-the-adr-slug](20201016-use-the-adr-slug.md)
    - Deciders: John Doe, Foo bar
    - Date: 2020-09-24
    - Tags: foo, bar

The file name carries the date (`20200924-slug.md`) and the slug is the id. A `## Links` section
may list `- Supersedes [x](x.md)`.
"""

from __future__ import annotations

import re

from .. import markdown
from .common import people, record, tag_list
from .mdtext import headings
from .model import Parsed

_FIELD = re.compile(
    r"^[*_]*(?P<key>status|date|deciders|decision-makers|decision makers|tags|consulted|informed)"
    r"[*_]*\s*:\s*[*_]*(?P<value>.*?)\s*$",
    re.I,
)


def _head(body: str) -> list[tuple[int, re.Match[str]]]:
    """Metadata list items (`- Status: accepted`) between the top of the body and its first section
    heading: (line index, match) of each."""
    first_section = next((h.line for h in headings(body) if h.level >= 2), len(body.split("\n")))
    found = []
    for item in markdown.parse(body).items:
        m = _FIELD.match(item.text[0].strip())
        if m and item.line < first_section:
            found.append((item.line, m))
    return found


def looks_like(body: str) -> bool:
    return any(m.group("key").lower() in ("status", "date", "deciders") for _, m in _head(body))


def parse(body: str, body_line: int) -> Parsed:
    drop = set()
    values: dict[str, tuple[str | None, int | None]] = {}
    for index, m in _head(body):
        key = m.group("key").lower().replace(" ", "-").replace("deciders", "decision-makers")
        values.setdefault(key, (m.group("value"), body_line + index))
        drop.add(index)
    return record(
        "log4brains",
        body,
        body_line,
        status=values.get("status", (None, None)),
        date=values.get("date", (None, None)),
        drop=drop,
        deciders=people(values.get("decision-makers", (None, 0))[0]),
        consulted=people(values.get("consulted", (None, 0))[0]),
        informed=people(values.get("informed", (None, 0))[0]),
        tags=tag_list(values.get("tags", (None, 0))[0]),
    )
