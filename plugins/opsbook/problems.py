"""Problems (invalid source data) and findings (the handbook judging valid data)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


@dataclass(frozen=True, order=True)
class _Located:
    """A message about a source file, at a line when known."""

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}"

    def to_json(self) -> dict[str, object]:
        return {"file": self.file, "line": self.line, "message": self.message}


@dataclass(frozen=True, order=True)
class Problem(_Located):
    """Invalid source data: names the file, the line when known, and what is allowed."""


@dataclass(frozen=True, order=True)
class Note(_Located):
    """Information about the sources that is neither a problem nor a finding: a document that was
    skipped on purpose (an unsupported OpenSLO kind, an alert-window file). Shown in the build log
    (info), in `opsbook check --verbose` and in ops.json `notes[]`; never fails a build."""


@dataclass
class ProblemLog:
    """Collects every problem of one load; loaders append and go on with the next item."""

    items: list[Problem] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)

    def add(self, file: str, line: int | None, message: str) -> None:
        self.items.append(Problem(file, line, message))

    def extend(self, other: ProblemLog) -> None:
        """Add what another log collected (a part loaded apart, e.g. reused from a previous rebuild)."""
        self.items += other.items
        self.notes += other.notes

    def note(self, file: str, line: int | None, message: str) -> None:
        """Something deliberately not read (e.g. an unsupported kind); never fails a build."""
        self.notes.append(Note(file, line, message))

    def sorted(self) -> tuple[Problem, ...]:
        # Sorted with None lines first so the order never depends on load order.
        return tuple(sorted(set(self.items), key=lambda p: (p.file, p.line or 0, p.message)))

    def sorted_notes(self) -> tuple[Note, ...]:
        return tuple(sorted(set(self.notes), key=lambda n: (n.file, n.line or 0, n.message)))


class FindingKind(StrEnum):
    """What a finding is about, with the heading of its section on the "Needs attention" page.

    Members are in the page's order: what is burning first. `by_owner`: shown as one sub-section
    per owner (who has to act) instead of one table.
    """

    heading: str
    by_owner: bool

    def __new__(cls, value: str, heading: str, by_owner: bool = False) -> FindingKind:
        member = str.__new__(cls, value)
        member._value_ = value
        member.heading = heading
        member.by_owner = by_owner
        return member

    ONGOING_INCIDENT = "ongoing-incident", "Ongoing incidents"
    BUDGET_EXHAUSTED = "budget-exhausted", "Error budgets exhausted"
    BUDGET_AT_RISK = "budget-at-risk", "Error budgets at risk"
    POSTMORTEM_OVERDUE = "postmortem-overdue", "Postmortems overdue"
    POSTMORTEM_DUE = "postmortem-due", "Postmortems due"
    OVERDUE_FOLLOW_UP = "overdue-follow-up", "Overdue follow-ups by owner", True
    STALE_RUNBOOK = "stale-runbook", "Stale runbooks"
    MISSING_RUNBOOK = "missing-runbook", "Services without a runbook"
    RUNBOOK_MISSING_SECTION = "runbook-missing-section", "Runbooks missing a section"
    RUNBOOK_WITHOUT_SERVICE = "runbook-without-service", "Runbooks without a service"
    RFC_OVERDUE = "rfc-overdue", "RFC reviews past their window"
    DECISION_REVISIT_DUE = "decision-revisit-due", "Decisions past their revisit date"
    DECISION_STATUS_UNKNOWN = "decision-status-unknown", "Decisions with an unrecognised status"
    ROADMAP_ITEM_WITHOUT_DRI = "roadmap-item-without-dri", "Roadmap items without a DRI"
    RITUAL_WITHOUT_OWNER = "ritual-without-owner", "Rituals without an owner"
    EXPIRED_EXEMPTION = "expired-exemption", "Expired maturity exemptions"


@dataclass(frozen=True)
class Finding:
    """Something on valid data that needs attention: overdue, stale, late, missing."""

    kind: FindingKind
    subject: str  # the item's id, e.g. "INC-20261104-01" or "api"
    message: str
    url: str | None = None  # page of the item, relative to the site root
    owner: str | None = None  # who should act (a handle or pod); the attention page groups by it

    def to_json(self) -> dict[str, object]:
        return {
            "kind": str(self.kind),
            "subject": self.subject,
            "message": self.message,
            "url": self.url,
            "owner": self.owner,
        }
