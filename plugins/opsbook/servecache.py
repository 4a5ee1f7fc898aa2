"""Rebuilds inside one `mkdocs serve` process redo only the pages whose input changed.

`mkdocs serve` rebuilds every page on every edit, and `--dirty` cannot help generated pages (their
`File.is_modified()` is always true, and a dirty build leaves the nav and the search index partial).
So the plugin keeps, per page and only while serving, three results of the previous rebuild:

- the Markdown conversion (`Page.render`), keyed by the page's Markdown after `on_page_markdown`,
  the site's file list and the config file;
- the search entries the search plugin made from the page, keyed by the page's HTML, title and meta,
  and the text-only version of its raw HTML blocks that search reads (`islands.for_search`);
- the finished HTML, keyed by all of the above plus the nav (every page shows it) and its neighbours;
- the theme's compiled templates, keyed by their source.

The as-of instant is held too: every generated page prints it ("Computed as of 18:03"), so a new
instant at each rebuild would change every page. While serving it is the instant of the first build,
renewed once it is an hour old (`AS_OF_RENEWAL`); `mkdocs build` always takes SOURCE_DATE_EPOCH or now.

Every page still goes through every MkDocs event, so the nav, tags and the search index stay complete;
only the expensive steps are answered from the cache. An edit that changes many pages' Markdown
(slo.yml touches every service page) or the nav (a new page) is as slow as a full build.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, DictLoader, Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from . import islands
from .render import CompiledTemplates
from .reuse import Reuse

AS_OF_RENEWAL = timedelta(hours=1)  # serving: how long one as-of instant is kept (see the docstring)
CACHED_TEMPLATE = "opsbook-cached.html"  # renders a stand-in that on_post_page swaps for the cached HTML
_STANDIN = "<!-- opsbook: cached page -->"


def _digest(*parts: object) -> str:
    return hashlib.sha256("\x00".join(map(str, parts)).encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class _Rendered:
    content: str
    toc: Any
    title: str | None
    anchors: set[str]
    links_to_anchors: dict[str, dict[str, str]] | None  # by src_uri: File objects change per build


@dataclass
class ServeCache:
    """What one serve process remembers between rebuilds; entries unused by the last build are dropped."""

    rendered: dict[str, tuple[str, _Rendered]] = field(default_factory=dict)  # src_uri -> (key, result)
    searched: dict[str, tuple[str, list[dict[str, Any]]]] = field(default_factory=dict)  # url -> (key, entries)
    html: dict[str, tuple[str, str]] = field(default_factory=dict)  # src_uri -> (key, output)
    # src_uri -> (page HTML, its raw HTML blocks, the page as search reads it: islands.for_search)
    search_text: dict[str, tuple[str, tuple[str, ...], str]] = field(default_factory=dict)
    site_key: str = ""  # config file + file list: what every conversion depends on
    nav_key: str = ""
    hits: list[str] = field(default_factory=list)  # pages whose HTML came from the cache (tests, debug log)
    converted: list[str] = field(default_factory=list)  # pages converted from Markdown this build
    _pending: dict[str, str] = field(default_factory=dict)  # src_uri -> html key of this build
    _as_of: datetime | None = None
    reuse: Reuse = field(default_factory=Reuse)  # the core's items of the previous rebuild (reuse.py)
    # The theme's templates, compiled once per serve: MkDocs makes a new environment every rebuild.
    theme_templates: CompiledTemplates = field(default_factory=CompiledTemplates)

    def as_of(self, now: datetime) -> datetime:
        """The as-of instant of this rebuild: the kept one, unless it is an hour old or `now` went
        back (SOURCE_DATE_EPOCH changed)."""
        if self._as_of is None or not self._as_of <= now < self._as_of + AS_OF_RENEWAL:
            self._as_of = now
        return self._as_of

    def start(self, config: MkDocsConfig, files: Files) -> None:
        """Per build: fingerprint what every page depends on."""
        path = config.config_file_path
        source = Path(path).read_bytes().hex() if path and Path(path).is_file() else ""
        uris = sorted((f.src_uri, f.url) for f in files)
        # Theme overrides change every page's HTML; MkDocs' own theme files only change on an upgrade.
        custom = config.theme.custom_dir
        overrides = sorted((str(p), p.stat().st_mtime_ns) for p in Path(custom).rglob("*")) if custom else []
        self.site_key = _digest(source, config.site_url, uris, overrides)
        self.hits, self.converted, self._pending = [], [], {}

    def wrap_render(self, page: Page) -> None:
        """Answer `page.render` from the cache when its Markdown did not change."""
        original = page.render
        cache = self

        def render(config: MkDocsConfig, files: Files) -> None:
            key = _digest(cache.site_key, page.markdown)
            hit = cache.rendered.get(page.file.src_uri)
            if hit is not None and hit[0] == key:
                done = hit[1]
                page.content, page.toc, page._title_from_render = done.content, done.toc, done.title
                page.present_anchor_ids = set(done.anchors)
                if done.links_to_anchors is not None:
                    by_file = {files.get_file_from_path(uri): links for uri, links in done.links_to_anchors.items()}
                    page.links_to_anchors = {f: links for f, links in by_file.items() if f is not None}
                return
            original(config, files)
            cache.converted.append(page.file.src_uri)
            links = page.links_to_anchors
            cache.rendered[page.file.src_uri] = (
                key,
                _Rendered(
                    content=page.content or "",
                    toc=page.toc,
                    title=page._title_from_render,
                    anchors=set(page.present_anchor_ids or ()),
                    links_to_anchors=None if links is None else {f.src_uri: dict(v) for f, v in links.items()},
                ),
            )

        page.render = render  # type: ignore[method-assign]

    def wrap_search(self, plugins: Any) -> None:
        """Memoise the search plugin's HTML parse per page (MkDocs' and Material's search alike)."""
        for plugin in plugins.values():
            index = getattr(plugin, "search_index", None)
            entries_attr = next((a for a in ("entries", "_entries") if isinstance(getattr(index, a, None), list)), None)
            if index is None or entries_attr is None or getattr(index, "_opsbook_wrapped", False):
                continue
            index.add_entry_from_context = self._memo_search(index, entries_attr, index.add_entry_from_context)
            index._opsbook_wrapped = True

    def _memo_search(self, index: Any, attr: str, original: Callable[[Page], None]) -> Callable[[Page], None]:
        def add(page: Page) -> None:
            entries = getattr(index, attr)
            key = _digest(page.content, page.title, _meta(page), page.toc)
            hit = self.searched.get(page.url)
            if hit is not None and hit[0] == key:
                entries.extend(dict(e) for e in hit[1])
                return
            before = len(entries)
            original(page)
            self.searched[page.url] = (key, [dict(e) for e in entries[before:]])

        return add

    def use_cached_html(self, env: Environment, files: Files, nav: Navigation) -> Environment:
        """After every page is read: pages whose HTML key is unchanged render a stand-in instead."""
        self.nav_key = _digest(_nav_fingerprint(nav.items))
        env.bytecode_cache = self.theme_templates  # keyed by each template's source checksum
        env.loader = ChoiceLoader([DictLoader({CACHED_TEMPLATE: _STANDIN}), env.loader])  # type: ignore[list-item]
        live = set()
        for file in files.documentation_pages():
            page = file.page
            if page is None or page.content is None:
                continue
            live.add(file.src_uri)
            key = _digest(
                self.site_key,
                self.nav_key,
                page.content,
                page.title,
                _meta(page),
                page.toc,
                page.edit_url,
                [(p.title, p.url) if p else None for p in (page.previous_page, page.next_page)],
            )
            self._pending[file.src_uri] = key
            hit = self.html.get(file.src_uri)
            if hit is not None and hit[0] == key and "template" not in page.meta:
                page.meta["template"] = CACHED_TEMPLATE
        for table in (self.rendered, self.html, self.search_text):
            for uri in set(table) - live:
                del table[uri]
        return env

    def for_search(self, uri: str, html: str, blocks: tuple[str, ...]) -> str:
        """`islands.for_search` of a page, the previous rebuild's when the page and its blocks are equal."""
        hit = self.search_text.get(uri)
        if hit is not None and hit[0] == html and hit[1] == blocks:
            return hit[2]
        text = islands.for_search(html, blocks)
        self.search_text[uri] = (html, blocks, text)
        return text

    def post_page(self, output: str, page: Page) -> str:
        """The cached HTML for a stand-in; otherwise remember this page's finished HTML."""
        uri = page.file.src_uri
        if page.meta.get("template") == CACHED_TEMPLATE:
            self.hits.append(uri)
            return self.html[uri][1]
        key = self._pending.get(uri)
        if key is not None:
            self.html[uri] = (key, output)
        return output


def _meta(page: Page) -> list[tuple[str, str]]:
    """The page's front matter without the template switch this module sets."""
    return sorted((k, repr(v)) for k, v in page.meta.items() if k != "template")


def _nav_fingerprint(items: list[Any]) -> list[Any]:
    """Titles, URLs and nesting of the nav: every page's HTML shows them."""
    out: list[Any] = []
    for item in items:
        if isinstance(item, Section):
            out.append((item.title, _nav_fingerprint(item.children)))
        else:
            out.append((type(item).__name__, item.title, getattr(item, "url", None)))
    return out
