"""Pages about the handbook itself: the Problems page."""

from __future__ import annotations

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
