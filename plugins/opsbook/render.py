"""Rendering pages from the Markdown Jinja templates shipped in `opsbook/templates`.

A site overrides any template by putting a file of the same name in its templates folder (plugin
option `templates`).

One rule for text: every value a template prints is plain text unless it is `Markup`. The
environment's `finalize` turns it into Markdown-inert text (`plain`): HTML-escaped, every character
that could start Markdown or attr_list syntax written as a character reference, line breaks folded,
so a title, name, tag, id, file name or message can neither add markup nor structure. Markdown that
is meant as Markdown is `Markup`: template macros, `link()`, the `href` and `code` filters, the
`markdown_body` filter (`markdown.safe_body`: raw HTML as text, no script links, no event
handlers), and the helpers the kinds pass in (badges, person links).
"""

from __future__ import annotations

import posixpath
import re
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from jinja2 import (
    BytecodeCache,
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PackageLoader,
    StrictUndefined,
    pass_context,
)
from jinja2.bccache import Bucket
from jinja2.runtime import Context
from markupsafe import Markup, escape

from .islands import html
from .markdown import safe_body
from .reuse import rows
from .search import alias as search_alias
from .timeparse import format_duration

if TYPE_CHECKING:
    from .handbook import Handbook


def link(from_page: str, to_path: str) -> str:
    """Relative path from one site page to another page or file.

    Both are site paths, so this is posixpath.relpath without its os.getcwd() and abspath calls
    (thousands of links per build: an incident log with a link per row)."""
    base = [p for p in posixpath.dirname(from_page).split("/") if p not in ("", ".")]
    target = [p for p in posixpath.normpath(to_path).split("/") if p not in ("", ".")]
    common = 0
    while common < len(base) and common < len(target) and base[common] == target[common]:
        common += 1
    return "/".join([".."] * (len(base) - common) + target[common:]) or "."


def built_url(from_page: str, to_page: str, directory_urls: bool = True) -> str:
    """The built URL of Markdown page `to_page` (optionally `#anchor`) relative to the page built from
    `from_page`.

    Links inside raw HTML (the structural parts of generated pages, inline SVG) are not rewritten by
    MkDocs, so they must already be final URLs: `services/api.md` is served at `services/api/` with
    directory URLs, else at `services/api.html`.
    """
    path, _, anchor = to_page.partition("#")
    base = _folder(from_page, directory_urls)
    target = _built(path, directory_urls)
    parts = _parts(target or ".")
    common = 0
    while common < len(base) and common < len(parts) and base[common] == parts[common]:
        common += 1
    rel = "/".join([".."] * (len(base) - common) + list(parts[common:])) or "."
    if target.endswith("/") and not rel.endswith("/"):
        rel += "/"
    return rel + (f"#{anchor}" if anchor else "")


# A build asks for the same few targets (service pages, the team page) from thousands of pages:
# their URLs are worked out once. Bounded, as every cache here: a serve process lives for days.
@lru_cache(maxsize=4096)
def _built(path: str, directory_urls: bool) -> str:
    """The site URL a Markdown page is served at: `a/b.md` -> `a/b/` (or `a/b.html`), `a/index.md` -> `a/`."""
    stem, _ = posixpath.splitext(path)
    if not directory_urls:
        return stem + ".html"
    if posixpath.basename(stem) == "index":
        return posixpath.dirname(stem) + "/" if posixpath.dirname(stem) else ""
    return stem + "/"


@lru_cache(maxsize=4096)
def _parts(path: str) -> tuple[str, ...]:
    return tuple(p for p in posixpath.normpath(path).split("/") if p not in ("", "."))


@lru_cache(maxsize=4096)
def _folder(from_page: str, directory_urls: bool) -> tuple[str, ...]:
    """The folders of the URL a page is served at: relative links start there (a directory URL is a
    folder itself)."""
    here = _built(from_page, directory_urls)
    return _parts(posixpath.dirname(here + "x" if here.endswith("/") or here == "" else here))


def url_target(from_page: str, to_page: str, directory_urls: bool = True) -> Markup:
    """`built_url` as an HTML attribute value for templates: percent-quoted, then HTML-escaped, so no
    character of an id or anchor can end the attribute."""
    return Markup(escape(quote(built_url(from_page, to_page, directory_urls), safe="/#")))


def link_target(from_page: str, to_path: str) -> Markup:
    """`link` as a Markdown link target for templates, percent-quoted: no character of it can end
    the link or add markup. MkDocs unquotes it to find (and validate) the page, so no entities."""
    return Markup(quote(link(from_page, to_path), safe="/#"))


# Characters that could start Markdown, attr_list or extension syntax (emphasis * _ ~ ^ =, code `,
# links and images [ ] !, attr_list { }, headings #, tables |, escapes \, raw HTML < > &, quotes
# that end an attribute). Written as numeric references, which Markdown and HTML both show as the
# character and neither interprets. `-` `+` `.` `:` `$` stay readable: mid-line they start nothing;
# `_LINE_START` covers list markers and rules, for fields a template puts at the start of a line.
# Line breaks and tabs fold to a space (one line stays one line); other control characters, among
# them Python-Markdown's placeholder markers STX/ETX, are dropped.
_FOLD: dict[int, str] = {c: " " for c in (9, 10, 11, 12, 13, 0x85, 0x2028, 0x2029)}
_FOLD.update({c: "" for c in (*range(0, 9), *range(14, 32), 127)})
_INERT = {**_FOLD, **{ord(c): f"&#{ord(c)};" for c in "\\`*_{}[]|#!~^="}}
_INERT.update({ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;", ord('"'): "&#34;", ord("'"): "&#39;"})
_STARTERS = frozenset("-+0123456789")
_LINE_START = re.compile(r"^(?:[-+](?=[\s\-]|$)|\d+[.)](?=\s|$))")


def plain(value: object) -> Markup:
    """A one-line data field as Markdown-inert text: it shows exactly as written and adds nothing."""
    text = ("" if value is None else str(value)).translate(_INERT).lstrip()
    start = _LINE_START.match(text) if text[:1] in _STARTERS else None
    if start:  # "- x", "1. x" or "---" would make a list or a rule at the start of a line
        marker = start.group()
        text = marker[:-1] + f"&#{ord(marker[-1])};" + text[len(marker) :]
    return Markup(text)


# Most printed strings repeat across pages (names, states, labels, the as-of time): each is made inert
# once. Bounded: emptied when full, which costs only the work of making them again.
_PLAIN: dict[str, Markup] = {}


def finalize(value: object) -> object:
    """Jinja's hook for every printed value: Markup stays as it is, anything else becomes `plain`."""
    if type(value) is str:  # the common case, without hasattr's failed lookup
        found = _PLAIN.get(value)
        if found is None:
            if len(_PLAIN) >= 8192:
                _PLAIN.clear()
            found = _PLAIN[value] = plain(value)
        return found
    if hasattr(value, "__html__"):
        return value
    return plain(value)


def cell(value: object) -> Markup:
    """A value for a Markdown table cell: plain text, or Markup with pipes and newlines neutralised."""
    if hasattr(value, "__html__"):
        return Markup(str(value).replace("|", "&#124;").replace("\n", " "))
    return plain(value)


def _person(handle: object, people: Any) -> tuple[str, Any] | None:
    """(handle without `@`, the team file's person) for a handle the team file knows, else None."""
    who = str(handle).strip().lstrip("@")
    found = people.get(who) if people else None
    return None if found is None else (who, found)


def person_markdown(handle: object, people: Any, team_page: str) -> Markup:
    """A person the same way on every page: `Name (@handle)`, the name linked to their entry on the
    team page; a pod, or any handle the team file does not know, as written."""
    if handle is None or handle == "":
        return Markup("")
    if (known := _person(handle, people)) is None:
        return cell(handle)
    who, found = known
    return Markup("[{}]({}#person-{}) (@{})").format(cell(found.name), team_page, cell(who), cell(who))


def person_html(handle: object, people: Any, team_url: str) -> Markup:
    """`person_markdown` for raw HTML: `team_url` is the team page's built URL (see `url_target`)."""
    if handle is None or handle == "":
        return Markup("")
    if (known := _person(handle, people)) is None:
        return plain(handle)
    who, found = known
    anchor = escape(quote("person-" + who, safe=""))
    return Markup(f'<a href="{team_url}#{anchor}">{plain(found.name)}</a> (@{plain(who)})')


@pass_context
def person_filter(ctx: Context, handle: object) -> Markup:
    """`{{ handle | person }}` in any template (needs the `hb` global and the page's `link`)."""
    team = getattr(ctx.get("hb"), "team", None)
    return person_markdown(handle, getattr(team, "person_by_handle", None), ctx["link"]("team.md"))


def code(value: object) -> Markup:
    """A value as a Markdown code span: shown literally, with a backtick fence longer than any run
    of backticks in it (Markdown escapes the content itself, so no entities here)."""
    text = ("" if value is None else str(value)).translate(_FOLD).strip()
    if not text:
        return Markup("")
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""  # Markdown strips it again
    return Markup(f"{fence}{pad}{text}{pad}{fence}")


def href(url: object) -> Markup:
    """A link target from the sources: http(s), mailto or relative only, with unsafe characters quoted.

    `&` is written `&amp;`: the browser decodes references in an href, so a raw `&#58;` would
    turn a relative-looking `javascript&#58;...` into a script URL."""
    text = str(url or "").strip()
    scheme = text.split(":", 1)[0].lower() if ":" in text.split("/", 1)[0] else ""
    if scheme and scheme not in ("http", "https", "mailto"):
        return Markup("#")
    return Markup(quote(text, safe="/:?#[]@!$&*+,;=%~.-_").replace("&", "&amp;"))


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


class CompiledTemplates(BytecodeCache):
    """Compiled templates kept in memory, by name and source checksum (Jinja's bucket key), so the
    next Renderer in the same process (every rebuild of `mkdocs serve`) skips compiling them, and an
    edited override is compiled afresh because its checksum changed."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key + bucket.checksum)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key + bucket.checksum] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._code.clear()


_COMPILED = CompiledTemplates()


class Renderer:
    """The Jinja environment; `render` renders one template for one page path."""

    def __init__(self, override_dir: Path | None = None, directory_urls: bool = True, **global_vars: Any) -> None:
        self.directory_urls = directory_urls  # MkDocs' use_directory_urls, for `url()` in raw HTML
        self.override_dir = override_dir
        loaders: list[Any] = []
        if override_dir is not None and override_dir.is_dir():
            loaders.append(FileSystemLoader(str(override_dir)))
        loaders.append(PackageLoader("opsbook", "templates"))
        self.env = Environment(
            loader=ChoiceLoader(loaders),
            autoescape=True,
            finalize=finalize,  # one rule for text: see the module docstring
            auto_reload=False,  # templates do not change during a build; skip per-render stat calls
            bytecode_cache=_COMPILED,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.env.filters.update(
            search_alias=search_alias,
            cell=cell,
            plain=plain,
            code=code,
            markdown_body=safe_body,
            href=href,
            date=fmt_date,
            duration=format_duration,
            number=fmt_number,
            percent=fmt_percent,
            person=person_filter,
        )
        self.env.globals.update(global_vars, html=html, rows=rows(None, ""))  # kinds pass a reusing `rows`

    @classmethod
    def for_handbook(cls, hb: Handbook) -> Renderer:
        """The renderer of a handbook's pages: its template overrides, URL style, as-of time and data."""
        return cls(hb.settings.templates, hb.settings.directory_urls, as_of=hb.as_of, hb=hb)

    def overridden(self, *templates: str) -> bool:
        """Whether the site's templates folder holds any of `templates` (an override of ours)."""
        return self.override_dir is not None and any((self.override_dir / t).is_file() for t in templates)

    def sources(self, *templates: str) -> tuple[str, ...]:
        """The source text of `templates`, as the loader finds them: what their output depends on."""
        return tuple(self.env.loader.get_source(self.env, t)[0] for t in templates)  # type: ignore[union-attr]

    def render(self, template: str, page: str, **context: Any) -> str:
        """Render `template` for the page at site path `page` (links are made relative to it)."""
        return self.env.get_template(template).render(
            page_path=page,
            link=lambda target: link_target(page, target),
            url=lambda target: url_target(page, target, self.directory_urls),
            **context,
        )
