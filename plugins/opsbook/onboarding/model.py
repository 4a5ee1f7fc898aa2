"""Frozen records of the onboarding reading list and plan."""

from __future__ import annotations

from dataclasses import dataclass

from ..checklists.model import ChecklistItem

ALL = "all"
WORDS_PER_MINUTE = 200  # technical prose; a reader of a runbook or postmortem slows down


@dataclass(frozen=True)
class ReadingItem:
    """One entry of the reading list, resolved to the page that shows it."""

    path: str  # the source file from the repository root, e.g. ops/runbooks/api.md
    title: str
    page: str  # site path of its page, e.g. runbooks/api.md
    week: int
    order: int
    roles: tuple[str, ...]
    why: str
    words: int
    declared_in: str  # ops/onboarding.yml, or the docs page whose front matter added it
    line: int | None = None

    @property
    def minutes(self) -> int:
        return reading_minutes(self.words)

    @property
    def key(self) -> str:
        """Id of the reader's "read" tick, stable while the path stays."""
        return "".join(c if c.isalnum() else "-" for c in self.path.lower()).strip("-")

    def for_role(self, role: str) -> bool:
        return ALL in self.roles or role in self.roles


def reading_minutes(words: int) -> int:
    """Minutes to read `words` words, rounded up, at least one."""
    return max(1, -(-words // WORDS_PER_MINUTE))


@dataclass(frozen=True)
class RoleList:
    """The reading list of one role: its own entries and those for `all`, by week then order."""

    role: str
    items: tuple[ReadingItem, ...]

    @property
    def page(self) -> str:
        return f"onboarding/{self.role}.md"

    @property
    def minutes(self) -> int:
        return sum(i.minutes for i in self.items)

    @property
    def weeks(self) -> tuple[tuple[int, tuple[ReadingItem, ...]], ...]:
        numbers = sorted({i.week for i in self.items})
        return tuple((w, tuple(i for i in self.items if i.week == w)) for w in numbers)


@dataclass(frozen=True)
class PlanStage:
    """One stage of the 30/60/90 plan: what to have done by day `days`."""

    days: int
    items: tuple[ChecklistItem, ...]


@dataclass(frozen=True)
class Onboarding:
    file: str | None  # ops/onboarding.yml, or None when only front matter feeds the list
    reading: tuple[ReadingItem, ...]
    roles: tuple[RoleList, ...]
    plan: tuple[PlanStage, ...] = ()
    first_week: tuple[ChecklistItem, ...] = ()

    @property
    def page(self) -> str:
        return "onboarding/index.md"
