"""Rendering pages from the Markdown Jinja templates shipped in `opsbook/templates`.

A site overrides any template by putting a file of the same name in its templates folder (plugin
option `templates`). Autoescaping is on: every value from the sources is HTML-escaped wherever it
lands, and Markdown bodies go through the `markdown_body` filter (`markdown.safe_body`): raw HTML
as text, no script links, no event handlers.
"""

from __future__ import annotations

import posixpath
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from .markdown import safe_body
from .timeparse import format_duration


def link(from_page: str, to_path: str) -> str:
    """Relative Markdown link from one site page to another page or file.

    Both are site paths, so this is posixpath.relpath without its os.getcwd() and abspath calls
    (thousands of links per build: an incident log with a link per row)."""
    base = [p for p in posixpath.dirname(from_page).split("/") if p not in ("", ".")]
    target = [p for p in posixpath.normpath(to_path).split("/") if p not in ("", ".")]
    common = 0
    while common < len(base) and common < len(target) and base[common] == target[common]:
        common += 1
    return "/".join([".."] * (len(base) - common) + target[common:]) or "."


def cell(value: object) -> Markup:
    """Escape a value for a Markdown table cell: HTML-escaped, pipes and newlines neutralised."""
    text = str(escape("" if value is None else value))
    return Markup(text.replace("|", "&#124;").replace("\n", " "))


def href(url: object) -> Markup:
    """A link target from the sources: http(s), mailto or relative only, with unsafe characters quoted."""
    text = str(url or "").strip()
    scheme = text.split(":", 1)[0].lower() if ":" in text.split("/", 1)[0] else ""
    if scheme and scheme not in ("http", "https", "mailto"):
        return Markup("#")
    return Markup(quote(text, safe="/:?#[]@!$&*+,;=%~.-_"))


def fmt_date(value: date | datetime | None, fmt: str = "%Y-%m-%d") -> str:
    return "" if value is None else value.strftime(fmt)


def fmt_number(value: float | None, digits: int = 1) -> str:
    """A number with at most `digits` decimals and no trailing zeros."""
    if value is None:
        return "–"
    text = f"{value:.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def fmt_percent(value: float | None, digits: int = 3) -> str:
    return "–" if value is None else fmt_number(value, digits) + " %"


class Renderer:
    """The Jinja environment; `render` renders one template for one page path."""

    def __init__(self, override_dir: Path | None = None, **global_vars: Any) -> None:
        loaders: list[Any] = []
        if override_dir is not None and override_dir.is_dir():
            loaders.append(FileSystemLoader(str(override_dir)))
        loaders.append(PackageLoader("opsbook", "templates"))
        self.env = Environment(
            loader=ChoiceLoader(loaders),
            autoescape=True,
            auto_reload=False,  # templates do not change during a build; skip per-render stat calls
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.env.filters.update(
            cell=cell,
            markdown_body=safe_body,
            href=href,
            date=fmt_date,
            duration=format_duration,
            number=fmt_number,
            percent=fmt_percent,
        )
        self.env.globals.update(global_vars)

    def render(self, template: str, page: str, **context: Any) -> str:
        """Render `template` for the page at site path `page` (links are made relative to it)."""
        return self.env.get_template(template).render(page_path=page, link=lambda target: link(page, target), **context)
