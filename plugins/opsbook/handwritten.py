"""Hand-written pages with their macros rendered, without mkdocs-macros: `opsbook export`'s pages.

In a plugin build mkdocs-macros renders `{{ on_call_now() }}` and friends; an exported docs folder
is built by a generator that runs no plugins (Zensical), so the export renders them itself, with the
same macros (`macros.functions`), the `opsbook` variable (the ops.json document) and the site's
`extra:` variables, in mkdocs-macros' syntax. A page whose front matter says `render_macros: false`
is copied as it is. mkdocs-macros' own module macros (`main.py`) are not run: they are code.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment, StrictUndefined, TemplateError, TemplateSyntaxError

from . import macros, opsjson
from .handbook import Handbook
from .problems import ProblemLog
from .render import Renderer
from .yamlio import split_front_matter


@dataclass(frozen=True)
class RenderedPage:
    text: str  # the page with its macros rendered (front matter kept as written)
    error: str | None = None  # why its macros could not be rendered; the page is then kept as written
    line: int | None = None


class PageMacros:
    """One Jinja environment per export: the handbook's macros and variables, built once."""

    def __init__(self, hb: Handbook, extra: Mapping[str, Any]) -> None:
        self._page = "index.md"
        renderer = Renderer.for_handbook(hb)
        # Like mkdocs-macros: no autoescaping (macros return Markdown; their data is escaped inside).
        self.env = Environment(undefined=StrictUndefined, keep_trailing_newline=True)
        self.env.globals.update(dict(extra), extra=dict(extra), opsbook=opsjson.build(hb))
        self.env.globals.update(macros.functions(hb, renderer, lambda: self._page))

    def render(self, text: str, page: str) -> RenderedPage:
        """`text` (a hand-written page at site path `page`) with its macros rendered."""
        front, body, body_line = split_front_matter(text, page, ProblemLog())
        if front.get("render_macros") is False or ("{{" not in body and "{%" not in body):
            return RenderedPage(text)
        self._page = page
        head = text[: len(text) - len(body)]
        try:
            rendered = self.env.from_string(body).render(page={"meta": dict(front), "file": {"src_uri": page}})
        except TemplateSyntaxError as exc:
            return RenderedPage(text, f"macro syntax error: {exc.message}", body_line + (exc.lineno or 1) - 1)
        except TemplateError as exc:
            return RenderedPage(text, f"macro error: {exc}", None)
        return RenderedPage(head + rendered)
