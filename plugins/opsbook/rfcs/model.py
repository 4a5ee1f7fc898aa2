"""Frozen records of RFCs and their review windows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from ..problems import Finding
from ..site import page_url

STATUSES = ("draft", "review", "accepted", "rejected", "withdrawn", "implemented")
DECIDED = ("accepted", "rejected", "withdrawn", "implemented")
REVIEW_STATES = ("open", "overdue", "upcoming", "unscheduled", "closed")  # the order of the index page


ReviewState = Literal["open", "overdue", "upcoming", "unscheduled", "closed"]


@dataclass(frozen=True)
class LogEntry:
    """One step of an RFC's decision log."""

    date: date | None
    entry: str
    by: str | None = None


@dataclass(frozen=True)
class Rfc:
    id: str  # the file name without .md, e.g. 2026-11-rate-limiting
    title: str
    status: str | None  # one of STATUSES; None when the source has an unknown word (a problem)
    status_raw: str | None
    authors: tuple[str, ...]
    dri: str | None
    opens: date | None
    closes: date | None
    decision: str | None  # id of the decision record it produced
    log: tuple[LogEntry, ...]
    tags: tuple[str, ...]
    body: str
    file: str
    line: int | None
    page: str
    review_state: ReviewState = "unscheduled"
    days_left: int | None = None  # open: days until closes (0 = closes today); overdue: negative
    decision_page: str | None = None
    decision_title: str | None = None
    findings: tuple[Finding, ...] = ()

    @property
    def url(self) -> str:
        return page_url(self.page)
