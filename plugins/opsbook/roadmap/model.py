"""Frozen records of the roadmap and its items."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

SECTIONS: tuple[str, ...] = ("Now", "Next", "Later")


RefKind = Literal["decision", "rfc"]
Section = Literal["Now", "Next", "Later"]


@dataclass(frozen=True)
class Ref:
    """An RFC or decision record an item mentions, resolved to its page."""

    kind: RefKind
    id: str
    title: str
    page: str


@dataclass(frozen=True)
class RoadmapItem:
    section: Section
    title: str  # the item's first line (Markdown, without the DRI marker)
    text: str  # the item's further lines (Markdown), links re-targeted for the board page
    dri: str | None  # handle without @
    line: int
    refs: tuple[Ref, ...] = ()  # filled in once decisions and RFCs are loaded

    @property
    def anchor(self) -> str:
        return f"item-{self.line}"


@dataclass(frozen=True)
class Roadmap:
    file: str  # ROADMAP.md, relative to the handbook root
    title: str
    text: str  # the hand-written file without front matter, links re-targeted for `written_page`
    items: tuple[RoadmapItem, ...] = ()
    page: str = "roadmap.md"
    written_page: str = "roadmap/as-written.md"

    @property
    def line(self) -> int | None:  # `Sourced`: the whole file
        return None

    def in_section(self, section: str) -> tuple[RoadmapItem, ...]:
        return tuple(i for i in self.items if i.section == section)

    def by_dri(self) -> dict[str | None, tuple[RoadmapItem, ...]]:
        """Items per DRI, handles sorted, items without a DRI under None last."""
        handles = sorted({i.dri for i in self.items if i.dri})
        rollup: dict[str | None, tuple[RoadmapItem, ...]] = {
            h: tuple(i for i in self.items if i.dri == h) for h in handles
        }
        missing = tuple(i for i in self.items if not i.dri)
        if missing:
            rollup[None] = missing
        return rollup
