"""The "Needs attention" page: every finding of the build, grouped by kind.

Findings come from every kind (build.py `_findings`); this page only orders and groups them, in the
order of `FindingKind`, each under the heading its member carries (grouped by owner where it says so).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace

from .handbook import Handbook
from .pages import GeneratedPage
from .problems import Finding, FindingKind
from .render import Renderer

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
    """Findings grouped by kind, in `FindingKind` order."""
    grouped: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        grouped[f.kind].append(f)
    # A kind outside the enum (a plugin's own) follows, alphabetically, under a heading from its name.
    known: list[str] = [k for k in FindingKind if k in grouped]
    out = []
    for kind in known + sorted(k for k in grouped if k not in known):
        items = tuple(sorted(grouped[kind], key=lambda f: (f.subject, f.message)))
        if not (isinstance(kind, FindingKind) and kind.by_owner):
            items = merged(items)  # one row per item; by-owner kinds list each follow-up apart
        owners: tuple[tuple[str, tuple[Finding, ...]], ...] = ()
        if isinstance(kind, FindingKind) and kind.by_owner:
            per: dict[str, list[Finding]] = defaultdict(list)
            for f in items:
                per[f.owner or NO_OWNER].append(f)
            owners = tuple((o, tuple(per[o])) for o in sorted(per, key=lambda o: (o == NO_OWNER, o)))
        heading = kind.heading if isinstance(kind, FindingKind) else kind.replace("-", " ").capitalize()
        out.append(Section(kind, heading, items, owners))
    return out


def merged(findings: tuple[Finding, ...]) -> tuple[Finding, ...]:
    """One row per item: findings of one kind on the same item (a runbook stale for two reasons)
    become one finding whose message lists both, in order."""
    rows: dict[tuple[str, str | None, str | None], Finding] = {}
    for f in findings:
        key = (f.subject, f.url, f.owner)
        rows[key] = replace(rows[key], message=f"{rows[key].message}; {f.message}") if key in rows else f
    return tuple(rows.values())


def attention_page(hb: Handbook, r: Renderer) -> GeneratedPage:
    """Always present at the site root, like the Problems page; says so when nothing needs attention."""
    return GeneratedPage(
        path="attention.md",
        title="Needs attention",
        body=r.render("site/attention.md.j2", "attention.md", sections=sections(hb.findings)),
        tags=("attention",),
        in_nav=True,
    )
