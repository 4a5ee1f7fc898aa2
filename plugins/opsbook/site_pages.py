"""Pages about the handbook itself: the Problems page, and a home page when the site has none."""

from __future__ import annotations

from markupsafe import Markup

from . import macros
from .handbook import Handbook
from .pages import GeneratedPage
from .render import Renderer


def problems_page(hb: Handbook, r: Renderer) -> GeneratedPage:
    """Always present, so a reader (and a reviewer of a preview build) can see the sources are clean."""
    return GeneratedPage(
        path="problems.md",
        title="Problems",
        body=r.render("site/problems.md.j2", "problems.md", problems=hb.problems),
        tags=("problems",),
        in_nav=True,
    )


HOME_BLOCKS = ("on_call_now", "recent_incidents", "open_rfcs", "services_table")


def home_page(hb: Handbook, r: Renderer) -> GeneratedPage:
    """A dashboard home (on call now, latest incidents, needs attention, open RFCs, services).

    Generated always and dropped by both front ends when docs/index.md exists (a hand-written page
    wins), so a site configured with nothing but `plugins: [search, opsbook]` still has a home."""
    made = macros.functions(hb, r, lambda: "index.md")
    blocks = {name: Markup(made[name]()) for name in HOME_BLOCKS}  # macro output: already escaped Markdown
    return GeneratedPage(
        path="index.md",
        title="Home",
        body=r.render("site/home.md.j2", "index.md", findings=len(hb.findings), **blocks),
        in_nav=True,
        fallback=True,
    )
