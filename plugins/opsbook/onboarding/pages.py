"""Pages of onboarding: the start page and a reading list per role."""

from __future__ import annotations

from ..handbook import Handbook
from ..pages import GeneratedPage
from ..render import Renderer
from .model import WORDS_PER_MINUTE


def onboarding_pages(hb: Handbook, r: Renderer) -> list[GeneratedPage]:
    """The Onboarding start page (in the nav) and a reading-list page per role (out of the nav)."""
    ob = hb.onboarding
    if ob is None:
        return []
    pages = [
        GeneratedPage(
            path=ob.page,
            title="Onboarding",
            body=r.render(
                "onboarding/index.md.j2",
                ob.page,
                onboarding=ob,
                source=hb.settings.onboarding,
                words_per_minute=WORDS_PER_MINUTE,
            ),
            tags=("onboarding",),
            source=ob.file,
            in_nav=True,
        )
    ]
    for role in ob.roles:
        pages.append(
            GeneratedPage(
                path=role.page,
                title=f"Reading list: {role.role}",
                body=r.render("onboarding/role.md.j2", role.page, role=role),
                tags=("onboarding", f"role:{role.role}"),
                source=ob.file,
            )
        )
    return pages
