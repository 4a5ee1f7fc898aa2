"""Frozen records of checklists, their sections and items."""

from __future__ import annotations

from dataclasses import dataclass

from ..checks import CheckResult


@dataclass(frozen=True)
class ChecklistItem:
    """One item: ticked by the reader (no `check`) or answered by the named check."""

    key: str  # stable within its checklist: the reader's tick is stored under it
    text: str  # inline Markdown
    check: str | None = None
    service: str | None = None
    link: str | None = None  # a site page path or an http(s) URL
    link_title: str = ""
    line: int | None = None
    result: CheckResult | None = None  # filled once the whole handbook is loaded
    # A personal goal (onboarding): the reader ticks it; a check's result is context, never the tick.
    personal: bool = False


@dataclass(frozen=True)
class ChecklistSection:
    title: str | None  # None: the items of a checklist without sections
    description: str
    items: tuple[ChecklistItem, ...]


@dataclass(frozen=True)
class Checklist:
    id: str  # from the file name: ops/checklists/definition-of-done.yml -> definition-of-done
    title: str
    audience: str
    description: str
    sections: tuple[ChecklistSection, ...]
    file: str
    tags: tuple[str, ...] = ()

    @property
    def page(self) -> str:
        return f"checklists/{self.id}.md"

    @property
    def line(self) -> int | None:  # `Sourced`: the whole file
        return None

    @property
    def items(self) -> tuple[ChecklistItem, ...]:
        return tuple(i for s in self.sections for i in s.items)

    @property
    def manual(self) -> tuple[ChecklistItem, ...]:
        return tuple(i for i in self.items if i.check is None)

    @property
    def automated(self) -> tuple[ChecklistItem, ...]:
        return tuple(i for i in self.items if i.check is not None)

    def count(self, outcome: str) -> int:
        return sum(1 for i in self.automated if i.result is not None and i.result.outcome == outcome)
