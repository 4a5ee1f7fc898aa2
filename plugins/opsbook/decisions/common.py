"""Pieces every foreign format shares: the H1 title, the `## Links` section, lists of people, and
the `Parsed` record built from what each format found where."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from .mdtext import clean_title, remove_lines, section, title_heading
from .model import DecisionFormat, Parsed
from .status import RelationRef, read_relations, read_status


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


def record(
    source_format: DecisionFormat,
    body: str,
    body_line: int,
    status: tuple[str | None, int | None],
    date: tuple[str | None, int | None],
    drop: Iterable[int] = (),
    title: str | None = None,
    deciders: tuple[str, ...] = (),
    consulted: tuple[str, ...] = (),
    informed: tuple[str, ...] = (),
    tags: tuple[str, ...] = (),
) -> Parsed:
    """A foreign record from the status and date text a format found (each with its line): the H1
    gives the title (unless the format has one) and number, the status and the `## Links` section
    the relations, and the body loses the H1 and the format's metadata lines (`drop`)."""
    heading, number, title_lines, _ = split_title(body)
    reading = read_status(status[0])
    relations = [(ref, status[1]) for ref in reading.relations] + links_relations(body, body_line)
    return Parsed(
        source_format=source_format,
        title=heading if title is None else title,
        number=number,
        status=reading,
        status_line=status[1],
        date_text=date[0],
        date_line=date[1],
        deciders=deciders,
        consulted=consulted,
        informed=informed,
        tags=tags,
        relations=tuple(relations),
        body=remove_lines(body, title_lines | set(drop)),
        body_line=body_line,
    )
