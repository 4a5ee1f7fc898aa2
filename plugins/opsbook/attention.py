"""The "Needs attention" page: every finding of the build, grouped by kind.

Findings come from every kind (build.py `_findings`); this page only orders and groups them. A kind
listed in SECTIONS gets its heading and place; any other kind follows, alphabetically, under a
heading made from its name, so a new kind shows up here without touching this file. To give a kind
a proper heading or group it by owner, add it to SECTIONS / BY_OWNER.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from .handbook import Handbook
from .pages import GeneratedPage
from .problems import Finding
from .render import Renderer

# (kind, heading), in page order: what is burning first.
SECTIONS: tuple[tuple[str, str], ...] = (
    ("ongoing-incident", "Ongoing incidents"),
    ("postmortem-overdue", "Postmortems overdue"),
    ("postmortem-due", "Postmortems due"),
    ("overdue-follow-up", "Overdue follow-ups by owner"),
    ("stale-runbook", "Stale runbooks"),
    ("missing-runbook", "Services without a runbook"),
    ("runbook-missing-section", "Runbooks missing a section"),
    ("runbook-without-service", "Runbooks without a service"),
    ("rfc-overdue", "RFC reviews past their window"),
    ("decision-revisit-due", "Decisions past their revisit date"),
    ("decision-status-unknown", "Decisions with an unrecognised status"),
    ("roadmap-item-without-dri", "Roadmap items without a DRI"),
    ("ritual-without-owner", "Rituals without an owner"),
    ("expired-exemption", "Expired maturity exemptions"),
)
# Kinds shown as one sub-section per owner (who has to act), instead of one table.
BY_OWNER: frozenset[str] = frozenset({"overdue-follow-up"})
NO_OWNER = "No owner"


@dataclass(frozen=True)
class Section:
    kind: str
    title: str
    findings: tuple[Finding, ...]
    by_owner: tuple[tuple[str, tuple[Finding, ...]], ...] = ()  # filled for BY_OWNER kinds

    @property
    def has_owners(self) -> bool:
        return any(f.owner for f in self.findings)


def sections(findings: tuple[Finding, ...] | list[Finding]) -> list[Section]:
    """Findings grouped by kind: known kinds in SECTIONS order, then the rest alphabetically."""
    grouped: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        grouped[f.kind].append(f)
    titles = dict(SECTIONS)
    order = [k for k, _ in SECTIONS if k in grouped] + sorted(k for k in grouped if k not in titles)
    out = []
    for kind in order:
        items = tuple(sorted(grouped[kind], key=lambda f: (f.subject, f.message)))
        owners: tuple[tuple[str, tuple[Finding, ...]], ...] = ()
        if kind in BY_OWNER:
            per: dict[str, list[Finding]] = defaultdict(list)
            for f in items:
                per[f.owner or NO_OWNER].append(f)
            owners = tuple((o, tuple(per[o])) for o in sorted(per, key=lambda o: (o == NO_OWNER, o)))
        title = titles.get(kind) or kind.replace("-", " ").capitalize()
        out.append(Section(kind, title, items, owners))
    return out


def attention_page(hb: Handbook, r: Renderer) -> GeneratedPage:
    """Always present at the site root, like the Problems page; says so when nothing needs attention."""
    return GeneratedPage(
        path="attention.md",
        title="Needs attention",
        body=r.render("site/attention.md.j2", "attention.md", sections=sections(hb.findings)),
        tags=("attention",),
        in_nav=True,
    )
