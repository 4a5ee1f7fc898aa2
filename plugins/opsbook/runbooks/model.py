"""Frozen record of a runbook and what derivation found about it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .. import content

# The sections every service runbook needs, each with the headings that count as it (lower case,
# matched as the start of a heading): real runbooks say "Mitigation" for their playbook.
# (section, heading starts that count for it), from `content/runbook-sections.yml`.
REQUIRED_SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = tuple(
    (s["name"], tuple(s["headings"])) for s in content.load("runbook-sections")["sections"]
)


@dataclass(frozen=True)
class Runbook:
    """A runbook page. `service` is the service it belongs to (the file stem unless front matter
    says `service:`); `known_service` tells whether the handbook has that service."""

    service: str
    title: str
    heading: str  # the page's H1: the body's own H1 when it has one, else the title
    path: str  # source file relative to the handbook root, e.g. ops/runbooks/api.md
    page: str  # site path of its page, e.g. runbooks/api.md
    body: str  # Markdown after the front matter and the H1 (links re-targeted by derive.with_links)
    owner: str | None = None
    last_reviewed: date | None = None
    pager: str | None = None
    sections: tuple[str, ...] = ()  # headings of the body, in order
    known_service: bool = False
    top_level: bool = True  # directly in the runbooks folder (not in a sub-folder)
    section_page: bool = False  # a Hugo/Jekyll `_index.md`: rendered, never judged
    review_age_days: int | None = None  # days from last_reviewed to the as-of date
    stale_reasons: tuple[str, ...] = ()  # filled by derive.runbook_staleness

    @property
    def file(self) -> str:  # `Sourced`: the source file is `path`
        return self.path

    @property
    def line(self) -> int | None:  # `Sourced`: the whole file
        return None

    @property
    def missing_sections(self) -> tuple[str, ...]:
        """Required sections (Pager, Playbooks, Rollback) with no matching heading."""
        lowered = [s.lower() for s in self.sections]
        return tuple(name for name, starts in REQUIRED_SECTIONS if not any(h.startswith(starts) for h in lowered))

    @property
    def is_service_runbook(self) -> bool:
        """The runbook of a known service: the one the handbook judges (sections, staleness)."""
        return self.known_service and not self.section_page

    @property
    def stale(self) -> bool:
        return bool(self.stale_reasons)
