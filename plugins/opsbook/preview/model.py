"""Frozen records of what changed between the base ref and the working tree."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ChangeKind = Literal["service", "slo", "maturity", "decision", "rfc", "incident", "follow-up", "roadmap"]
ChangeWhat = Literal["added", "removed", "changed", "closed", "moved"]


@dataclass(frozen=True)
class Change:
    """One semantic change, e.g. an SLO objective 99.9 -> 99.5 on service api."""

    kind: ChangeKind
    subject: str  # the item's id
    what: ChangeWhat
    summary: str  # one human sentence
    page: str | None = None  # the generated page that shows the item (gets a banner)

    def to_json(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "subject": self.subject,
            "what": self.what,
            "summary": self.summary,
            "page": self.page,
        }


@dataclass(frozen=True)
class Changes:
    base_ref: str
    base_commit: str
    entries: tuple[Change, ...]

    @property
    def pages(self) -> frozenset[str]:
        return frozenset(c.page for c in self.entries if c.page)

    def of_kind(self, kind: str) -> tuple[Change, ...]:
        return tuple(c for c in self.entries if c.kind == kind)

    def to_json(self) -> dict[str, object]:
        return {
            "base_ref": self.base_ref,
            "base_commit": self.base_commit,
            "entries": [c.to_json() for c in self.entries],
        }
