"""Data and macros for hand-written pages, through mkdocs-macros.

`register` hands the macros plugin (when it is enabled) a variable `opsbook` holding the ops.json
document, and the functions of `functions`. Macros return Markdown rendered from the templates in
`templates/macros/`, with links relative to the page being rendered.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from . import opsjson
from .handbook import Handbook
from .kinds import KINDS
from .render import Renderer

if TYPE_CHECKING:  # the core never imports MkDocs: `opsbook export` renders these macros without it
    from mkdocs.config.defaults import MkDocsConfig


def functions(hb: Handbook, r: Renderer, current_page: Callable[[], str]) -> dict[str, Callable[..., str]]:
    """Every macro by name, from every kind's package. `current_page()` is the site path of the page
    being rendered."""
    found: dict[str, Callable[..., str]] = {}
    for kind in KINDS:
        if kind.macros is not None:
            found.update(kind.macros(hb, r, current_page))
    return found


def register(config: MkDocsConfig, hb: Handbook) -> None:
    """Give mkdocs-macros our variable and macros, if it is enabled in this site."""
    plugin = config.plugins.get("macros")
    if plugin is None:
        return
    renderer = Renderer.for_handbook(hb)

    def current_page() -> str:
        page = getattr(plugin, "page", None)
        return page.file.src_uri if page is not None else "index.md"

    plugin.register_variables({"opsbook": opsjson.build(hb)})  # type: ignore[attr-defined]
    plugin.register_macros(functions(hb, renderer, current_page))  # type: ignore[attr-defined]
