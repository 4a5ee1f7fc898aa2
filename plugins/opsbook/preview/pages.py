"""The "Changes in this preview" page and the banner on every page that changed."""

from __future__ import annotations

from dataclasses import replace

from ..handbook import Handbook
from ..pages import GeneratedPage
from ..render import Renderer

PAGE = "changes.md"
KINDS = (
    ("service", "Services"),
    ("slo", "SLOs and error budgets"),
    ("maturity", "Maturity levels"),
    ("decision", "Decisions"),
    ("rfc", "RFCs"),
    ("incident", "Incidents"),
    ("follow-up", "Follow-ups"),
    ("roadmap", "Roadmap"),
)


def changes_pages(hb: Handbook, r: Renderer) -> list[GeneratedPage]:
    """Only in preview builds (a base ref is set)."""
    if hb.changes is None:
        return []
    groups = [(title, hb.changes.of_kind(kind)) for kind, title in KINDS if hb.changes.of_kind(kind)]
    return [
        GeneratedPage(
            path=PAGE,
            title="Changes in this preview",
            body=r.render("preview/changes.md.j2", PAGE, changes=hb.changes, groups=groups),
            tags=("preview",),
            in_nav=True,
        )
    ]


def home_banner(hb: Handbook, r: Renderer) -> str:
    """The banner the home page opens with in a preview build (empty otherwise): it links the changes."""
    if hb.changes is None:
        return ""
    return r.render("preview/home_banner.md.j2", "index.md", changes=hb.changes)


def with_banners(hb: Handbook, pages: list[GeneratedPage], r: Renderer) -> list[GeneratedPage]:
    """Prefix every changed page with a banner linking to the changes page."""
    if hb.changes is None or not hb.changes.entries:
        return pages
    changed = hb.changes.pages
    out = []
    for page in pages:
        if page.path in changed:
            entries = [c for c in hb.changes.entries if c.page == page.path]
            banner = r.render("preview/banner.md.j2", page.path, changes=hb.changes, entries=entries)
            page = replace(page, body=banner + "\n" + page.body)
        out.append(page)
    return out
