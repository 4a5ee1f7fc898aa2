"""Resolving what roadmap items mention (RFCs, decision records) and re-targeting their links."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

from ..links import rewrite_links
from ..markdown import without_links
from ..problems import Finding, FindingKind
from ..sourced import Identified
from .model import Ref, RefKind, Roadmap, RoadmapItem

_DECISION_ID = re.compile(r"(?<![\w-])(\d{4}-\d{4})(?![\d])")
_RFC_STEM = re.compile(r"(?<![\w-])(\d{4}-\d{2}-[a-z0-9][a-z0-9-]*[a-z0-9])")


def _stem(path: Any) -> str:
    return posixpath.splitext(posixpath.basename(str(path or "")))[0]


def ref_index(decisions: Iterable[Identified], rfcs: Iterable[Identified]) -> dict[str, Ref]:
    """Every way an item may name a decision or an RFC (its id, its file's stem) -> the reference."""
    index: dict[str, Ref] = {}
    kinds: tuple[tuple[RefKind, Iterable[Identified]], ...] = (("rfc", rfcs), ("decision", decisions))
    for kind, items in kinds:
        for item in items:
            ref = Ref(kind, item.id, item.title or item.id, item.page)
            for key in (item.id, _stem(item.file)):
                if key:
                    index.setdefault(key, ref)
    return index


def mentions(text: str, index: dict[str, Ref]) -> tuple[Ref, ...]:
    """The RFCs and decisions a text names, in order of first mention, each once.

    A decision is named by its id (2026-0003) or its file; an RFC by its file
    (rfcs/2026-11-rate-limiting.md) or its id. Look-alikes that name nothing (2026-2027) are ignored.
    """
    found: list[tuple[int, Ref]] = []
    for pattern in (_RFC_STEM, _DECISION_ID):
        for match in pattern.finditer(text):
            ref = index.get(match.group(1))
            if ref is None and pattern is _RFC_STEM:
                # A decision file name (2026-0003-adopt-openslo) also starts like an RFC stem.
                ref = index.get(match.group(1)[:9])
            if ref is not None:
                found.append((match.start(), ref))
    seen: set[tuple[str, str]] = set()
    refs = []
    for _, ref in sorted(found, key=lambda f: f[0]):
        if (ref.kind, ref.id) not in seen:
            seen.add((ref.kind, ref.id))
            refs.append(ref)
    return tuple(refs)


def link_roadmap(
    roadmap: Roadmap,
    decisions: Iterable[Identified],
    rfcs: Iterable[Identified],
    resolve: Callable[[str], str | None],
) -> Roadmap:
    """The roadmap with each item's references and every relative link pointing at site pages."""
    index = ref_index(decisions, rfcs)
    items = tuple(
        replace(
            item,
            refs=mentions(f"{item.title}\n{item.text}", index),
            title=rewrite_links(item.title, roadmap.file, roadmap.page, resolve),
            text=rewrite_links(item.text, roadmap.file, roadmap.page, resolve),
        )
        for item in roadmap.items
    )
    text = rewrite_links(roadmap.text, roadmap.file, roadmap.written_page, resolve)
    return replace(roadmap, items=items, text=text)


def roadmap_findings(roadmap: Roadmap) -> list[Finding]:
    """An item without a DRI has nobody to ask and nobody to push it."""
    return [
        Finding(
            FindingKind.ROADMAP_ITEM_WITHOUT_DRI,
            f"{roadmap.file}:{item.line}",
            f"Roadmap item {_plain(item.title)!r} ({item.section}) has no DRI; add `DRI: @handle`",
            f"{roadmap.page}#{item.anchor}",
        )
        for item in roadmap.items
        if not item.dri
    ]


def _plain(markdown: str) -> str:
    """Markdown reduced to its words for a finding's message."""
    return re.sub(r"[*_`]+", "", without_links(markdown)).strip()


def roadmap_items_of(roadmap: Roadmap | None, handle: str) -> tuple[RoadmapItem, ...]:
    bare = handle.strip().lstrip("@")
    return () if roadmap is None else tuple(i for i in roadmap.items if i.dri == bare)
