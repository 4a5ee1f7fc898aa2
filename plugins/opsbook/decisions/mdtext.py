"""Helpers shared by the decision format parsers: titles, sections, numbers from file names.

The structure (headings, sections, code, comments) comes from the one Markdown reader,
`opsbook.markdown`: a `# comment` in a shell block is not a heading.
"""

from __future__ import annotations

import re

from .. import markdown
from ..markdown import Heading

_COMMENT = re.compile(r"<!--.*?-->", re.S)
# "12. Title", "12 - Title", "ADR-012: Title", "ADR 12. Title", "Architecture Decision Record: Title".
_TITLE_PREFIX = re.compile(
    r"^(?:(?:architecture\s+decision\s+record|adr)(?:\s*[-#]?\s*(?P<n1>\d+)\s*[.:\-–—]?|\s*[:\-–—])\s*"
    r"|(?P<n2>\d+)\s*(?:[.:)]|\s[-–—])\s*)",
    re.I,
)
_PLACEHOLDER_TITLE = re.compile(r"^\s*(\{.*\}|\[.*\]|<!--.*-->|)\s*$", re.S)
_NAME_PREFIX = re.compile(r"^(?:adr[-_ ]?)?(?:\d{8}|\d{4}-\d{2}-\d{2}|\d{4}-\d{4}|\d{1,5})(?:[-_ .]+|$)", re.I)
_NAME_NUMBER = re.compile(r"^(?:adr[-_ ]?)?(\d{1,5})(?=[-_ .]|$)", re.I)


def headings(text: str) -> tuple[Heading, ...]:
    """Top-level ATX and setext headings outside code."""
    return markdown.headings(text)


def title_heading(text: str) -> Heading | None:
    """The record's H1: the first level-1 heading before any level-2 heading."""
    for heading in headings(text):
        if heading.level == 1:
            return heading
        if heading.level == 2:
            return None
    return None


def section(text: str, names: tuple[str, ...]) -> tuple[Heading, str] | None:
    """The first section (any level) whose heading is one of `names` (case-insensitive, see
    `clean_heading`), and its text up to the next heading of the same or a higher level."""
    return markdown.section(text, names, clean_heading)


def clean_heading(text: str) -> str:
    """`Status <!-- optional -->` / `**Status**` / `Status:` -> `status`."""
    text = _COMMENT.sub("", text)
    return re.sub(r"[*_`:]+", "", text).strip().lower()


def is_placeholder_title(title: str) -> bool:
    """`{short title}`, `[short title of solved problem]`, `<!-- short title -->`: a template."""
    return bool(_PLACEHOLDER_TITLE.match(title))


def clean_title(text: str) -> tuple[str, int | None]:
    """A title without the number and ADR prefix authors put in front: ("Title", 12)."""
    text = " ".join(_COMMENT.sub("", text).split())
    number: int | None = None
    m = _TITLE_PREFIX.match(text)
    if m and m.end() < len(text):
        digits = m.group("n1") or m.group("n2")
        number = int(digits) if digits else None
        text = text[m.end() :]
    return text.strip(), number


def title_from_name(stem: str) -> str:
    """`20201028-adr-with-no-metadata` -> `Adr with no metadata` (what log4brains shows too)."""
    words = _NAME_PREFIX.sub("", stem) or stem
    words = re.sub(r"[-_]+", " ", words).strip()
    return words[:1].upper() + words[1:]


def number_from_name(stem: str) -> int | None:
    """`0012-x` and `adr-012-x` -> 12; date-named files have no number."""
    if re.match(r"^\d{8}(?:[-_ .]|$)", stem) or re.match(r"^\d{4}-\d{2}-\d{2}", stem):
        return None
    m = _NAME_NUMBER.match(stem)
    return int(m.group(1)) if m else None


def remove_lines(text: str, indexes: set[int]) -> str:
    """The text without the given 0-based lines, and without blank lines left at its start."""
    kept = [line for i, line in enumerate(text.split("\n")) if i not in indexes]
    while kept and not kept[0].strip():
        kept.pop(0)
    return "\n".join(kept)


demote = markdown.demote
strip_comments = markdown.strip_comments
