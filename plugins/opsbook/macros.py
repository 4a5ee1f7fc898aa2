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
from .macro import MacroScope, MacroSet, shown
from .render import Renderer

if TYPE_CHECKING:  # the core never imports MkDocs: `opsbook export` renders these macros without it
    from mkdocs.config.defaults import MkDocsConfig


def functions(hb: Handbook, r: Renderer, current_page: Callable[[], str]) -> MacroSet:
    """Every macro by name, from every kind's package, each showing its `MacroError` as its output.
    `current_page()` is the site path of the page being rendered."""
    scope = MacroScope(hb, r, current_page)
    found: MacroSet = {}
    for kind in KINDS:
        if kind.macros is not None:
            found.update({name: shown(macro) for name, macro in kind.macros(scope).items()})
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
