"""Small Markdown readers shared by the format parsers: headings, sections, titles, comments.

They work on lines, know fenced code blocks (a `# comment` in a shell block is not a heading) and
never build a full Markdown tree: decision records are short and the parsers only need structure.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_ATX = re.compile(r"^\s{0,3}(#{1,6})(?:\s+(.*?))?\s*#*\s*$")
_SETEXT_H1 = re.compile(r"^\s{0,3}=+\s*$")
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


def lines_outside_fences(text: str) -> Iterator[tuple[int, str]]:
    """(index, line) of every line that is not inside a fenced code block (fence lines excluded)."""
    fenced = False
    for index, line in enumerate(text.split("\n")):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if not fenced:
            yield index, line


def strip_comments(text: str) -> str:
    """Remove HTML comments outside fenced code (they are invisible in the original); a comment that
    spans lines leaves its line breaks, so later line numbers stay right."""
    chunks: list[str] = []
    buf: list[str] = []
    fenced = False

    def flush(code: bool) -> None:
        chunk = "\n".join(buf)
        chunks.append(chunk if code else _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), chunk))
        buf.clear()

    for line in text.split("\n"):
        if _FENCE.match(line) and not fenced:
            if buf:
                flush(False)
            fenced = True
            buf.append(line)
        elif _FENCE.match(line):
            buf.append(line)
            flush(True)
            fenced = False
        else:
            buf.append(line)
    flush(fenced)
    return "\n".join(c for c in chunks)


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    index: int  # 0-based line index in the text
    end: int  # index of the line after its underline (setext) or the heading itself


def headings(text: str) -> list[Heading]:
    """ATX headings and setext H1/H2 outside fences."""
    return list(_headings(text))


@lru_cache(maxsize=256)
def _headings(text: str) -> tuple[Heading, ...]:
    # Parsers ask for the headings of the same body several times; bodies are small and immutable.
    found: list[Heading] = []
    previous: tuple[int, str] | None = None
    for index, line in lines_outside_fences(text):
        m = _ATX.match(line)
        if m:
            found.append(Heading(len(m.group(1)), (m.group(2) or "").strip(), index, index + 1))
        elif previous is not None and previous[0] == index - 1 and previous[1].strip():
            if _SETEXT_H1.match(line) and not _ATX.match(previous[1]):
                found.append(Heading(1, previous[1].strip(), index - 1, index + 1))
            elif re.match(r"^\s{0,3}-{3,}\s*$", line) and not previous[1].lstrip().startswith(("-", "*", "|")):
                found.append(Heading(2, previous[1].strip(), index - 1, index + 1))
        previous = (index, line)
    return tuple(found)


def title_heading(text: str) -> Heading | None:
    """The record's H1: the first level-1 heading before any level-2 heading."""
    for heading in headings(text):
        if heading.level == 1:
            return heading
        if heading.level == 2:
            return None
    return None


def section(text: str, names: tuple[str, ...]) -> tuple[Heading, str] | None:
    """The first section (any level) whose heading is one of `names` (case-insensitive), and its text
    up to the next heading of the same or a higher level."""
    all_headings = headings(text)
    lines = text.split("\n")
    for i, heading in enumerate(all_headings):
        if clean_heading(heading.text) in names:
            end = len(lines)
            for later in all_headings[i + 1 :]:
                if later.level <= heading.level:
                    end = later.index
                    break
            return heading, "\n".join(lines[heading.end : end])
    return None


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


def demote(text: str, levels: int) -> str:
    """Every ATX heading outside code `levels` deeper (at most h6): an annex's `# Decision` becomes
    a sub-section of the page that shows it."""
    lines = text.split("\n")
    for index, line in lines_outside_fences(text):
        m = _ATX.match(line)
        if m:
            depth = min(6, len(m.group(1)) + levels)
            lines[index] = "#" * depth + " " + (m.group(2) or "").strip()
    return "\n".join(lines)
