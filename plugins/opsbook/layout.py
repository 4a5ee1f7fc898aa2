"""Page layout: which generated pages give up Material's sidebars for the full width.

Index pages (in the nav) are wide tables: they hide both sidebars (the tabs and the drawer still
lead everywhere). Item pages are out of the nav, so their left sidebar would be empty: they hide it
and keep the table of contents on the right.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from .pages import GeneratedPage

LIST_HIDE = ("navigation", "toc")
ITEM_HIDE = ("navigation",)


def with_layout(pages: Iterable[GeneratedPage]) -> list[GeneratedPage]:
    """Each page with Material's `hide` front matter merged into its meta (its own entries kept)."""
    out = []
    for page in pages:
        wanted = LIST_HIDE if page.in_nav else ITEM_HIDE
        hide = list(page.meta.get("hide", ()))
        hide += [h for h in wanted if h not in hide]
        out.append(replace(page, meta={**page.meta, "hide": hide}))
    return out
