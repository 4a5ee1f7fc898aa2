"""Frozen records of the decision log: one `Decision` per record file, whatever its format."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from ..problems import Finding
from ..site import page_url
from .status import RelationRef, StatusKind, StatusReading

Day = date  # fields named `date` shadow the type inside a class body
SOURCE_FORMATS = ("opsbook", "madr", "log4brains", "nygard", "markdown")
# Statuses whose records are no longer in force: the page carries a banner, revisit dates lapse.
RETIRED = ("superseded", "deprecated", "rejected")


DecisionFormat = Literal["opsbook", "madr", "log4brains", "nygard", "markdown"]
DateSource = Literal["metadata", "file name", "folder name"]  # where a record's date was read


@dataclass(frozen=True)
class Parsed:
    """What a format parser read from one file, before ids and links are resolved."""

    source_format: DecisionFormat
    title: str | None = None
    number: int | None = None  # the number written in the title ("# 12. Title")
    tags: tuple[str, ...] = ()
    status: StatusReading = field(default_factory=lambda: StatusReading(None, None, "empty"))
    status_line: int | None = None
    date_text: str | None = None
    date_line: int | None = None
    deciders: tuple[str, ...] = ()
    consulted: tuple[str, ...] = ()
    informed: tuple[str, ...] = ()
    relations: tuple[tuple[RelationRef, int | None], ...] = ()  # with the line each was read from
    body: str = ""
    body_line: int = 1


@dataclass(frozen=True)
class Annex:
    """A document beside a decision's README.md in its own folder, shown on the decision's page."""

    file: str
    title: str
    anchor: str
    body: str


@dataclass(frozen=True)
class Decision:
    """One decision record."""

    id: str
    title: str
    status: str | None  # proposed | accepted | rejected | deprecated | superseded, a kept word, or None
    status_raw: str | None  # as written in the source
    status_kind: StatusKind
    date: Day | None
    date_source: DateSource | None
    source_format: DecisionFormat
    file: str  # source path relative to the handbook root
    line: int | None
    folder: str  # the configured folder it was read from
    page: str  # site path of its page
    body: str  # Markdown body, links already re-targeted for `page`
    owner: str | None = None
    deciders: tuple[str, ...] = ()
    consulted: tuple[str, ...] = ()
    informed: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    revisit: Day | None = None
    number: int | None = None
    supersedes: tuple[str, ...] = ()
    superseded_by: tuple[str, ...] = ()
    amends: tuple[str, ...] = ()
    amended_by: tuple[str, ...] = ()
    incident_refs: tuple[tuple[str, int | None], ...] = ()  # `incidents:` ids with their lines
    in_favour_of: tuple[str, ...] = ()  # "Rejected in favour of X": the records chosen instead
    status_qualifier: str | None = None  # the rest of the status line: "PR #2897", "moved to docs/"
    rfcs: tuple[str, ...] = ()  # RFCs that produced this decision (derived from the RFCs)
    annexes: tuple[Annex, ...] = ()
    notes: tuple[str, ...] = ()  # how a foreign file was read: never problems, never findings
    attachments: tuple[tuple[str, str], ...] = ()  # (site path, source file) of linked images and files
    replaces_source: bool = False  # the source lives in docs/: its page takes the source's place
    findings: tuple[Finding, ...] = ()

    @property
    def url(self) -> str:
        return page_url(self.page)

    @property
    def incidents(self) -> tuple[str, ...]:
        """Ids of the incidents that led to this decision (front matter `incidents:`)."""
        return tuple(i for i, _ in self.incident_refs)

    @property
    def retired(self) -> bool:
        """No longer in force: superseded, deprecated or rejected, or replaced by a later record."""
        return self.status in RETIRED or bool(self.superseded_by)


SKIP_NOTE = "not read as a decision record: "  # prefix of the note of a skipped file


@dataclass(frozen=True)
class Skipped:
    """A file in a decisions folder that is not a decision, and why."""

    file: str
    reason: str


@dataclass(frozen=True)
class DecisionSet:
    """The result of loading every decisions folder."""

    records: tuple[Decision, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    files: tuple[str, ...] = ()  # every Markdown file seen, for per-folder accounting

    def by_id(self) -> dict[str, Decision]:
        return {d.id: d for d in self.records}
