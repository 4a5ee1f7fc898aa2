"""The MkDocs adapter: wires MkDocs events to the pure core in `opsbook.build`."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from . import islands, macros, memory, search
from .build import SCRIPT, STYLESHEET, load_handbook, preview_home_banner, render_pages
from .config import OpsbookConfig, settings_from_config
from .handbook import Handbook
from .kinds import source_paths
from .pages import MARKDOWN_EXTENSIONS, page_texts
from .preview.pages import PAGE as CHANGES_PAGE
from .safepath import clean_relative
from .servecache import ServeCache
from .settings import OptionError, Settings
from .sources import forget_folders, refusal, rel

if TYPE_CHECKING:  # imports watchdog and an HTTP server: `mkdocs build` never needs them
    from mkdocs.livereload import LiveReloadServer

log = get_plugin_logger(__name__)


class OpsbookPlugin(BasePlugin[OpsbookConfig]):
    """Loads the ops data once per build and adds the generated pages, ops.json and assets."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        # `mkdocs build` keeps only the settings past on_config: the handbook (every record, its sources'
        # text) is let go once its pages are rendered, so its memory serves MkDocs' work on the pages.
        # Serving keeps the last rebuild's handbook (its items are kept for reuse anyway).
        self.settings: Settings | None = None
        self.handbook: Handbook | None = None
        self._files: list[tuple[str, str | bytes, bool]] = []
        self._fallbacks: set[str] = set()  # generated only for a site without its own page there
        self._sources: dict[str, str] = {}
        self._blocks: dict[str, tuple[str, ...]] = {}  # generated page -> its raw HTML blocks (islands.py)
        self._full: dict[str, str] = {}  # a page's content while search reads its text-only version
        self._replaces: set[str] = set()  # generated pages that take the place of their docs/ source
        self._pages: set[str] = set()  # the generated Markdown pages added to this build's files
        self._assets: list[File] = []  # generated non-page files, whose bytes are let go once copied
        self._steps = 0  # pages converted and written by this build (memory.trim)
        # Only under `mkdocs serve` (MkDocs keeps plugin instances across its rebuilds): see servecache.
        self.serve_cache: ServeCache | None = None
        self._nav: Navigation | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Remember converted pages between rebuilds when serving; `mkdocs build` never caches."""
        self.serve_cache = ServeCache() if command == "serve" else None

    def on_shutdown(self) -> None:
        """The serve process ends: let the cached pages go."""
        self.serve_cache = None
        self._home_banner = ""  # preview builds: Markdown the home page opens with

    # Before the search plugin fills in its defaults (priority 0): ids as whole search tokens.
    @event_priority(50)
    def _on_config_search(self, config: MkDocsConfig) -> MkDocsConfig:
        search.configure(config.plugins)
        return config

    # After mkdocs-macros' on_config (priority 0), which rebuilds its variables on every build:
    # registering later puts our variables into the fresh environment in either plugin order.
    @event_priority(-50)
    def _on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Load, validate and derive the handbook once, render its pages, wire macros."""
        settings = self._settings(config)
        forget_folders()  # `mkdocs serve`: folders may have changed since the last build
        reuse = None
        if self.serve_cache is not None:  # serving: the previous rebuild's items may be reused
            reuse = self.serve_cache.reuse
            reuse.next_build()
        handbook = load_handbook(settings, reuse)
        self.settings = handbook.settings
        self.handbook = handbook if self.serve_cache is not None else None
        for problem in handbook.problems:
            log.warning(str(problem))
        for note in handbook.notes:  # skipped on purpose: information, never a warning
            log.info(str(note))
        pages, assets = render_pages(handbook)
        self._sources = {p.path: p.source for p in pages if p.source}
        self._replaces = {p.path for p in pages if p.replaces_source}
        self._fallbacks = {p.path for p in pages if p.fallback}
        self._home_banner = preview_home_banner(handbook)
        self._files, self._blocks = [], {}
        for page, markdown, blocks in page_texts(pages, reuse):  # empties `pages` as it goes
            self._files.append((page.path, markdown, page.in_nav))
            if blocks:
                self._blocks[page.path] = blocks
        self._files += [(a.path, a.content, False) for a in assets]
        for ext in MARKDOWN_EXTENSIONS:
            if ext not in config.markdown_extensions:
                config.markdown_extensions.append(ext)
        for name, target in ((STYLESHEET, config.extra_css), (SCRIPT, config.extra_javascript)):
            if name not in [str(t) for t in target]:
                target.append(name)
        macros.register(config, handbook)
        # Building, let the handbook go now: it and the renderer are cyclic garbage (Jinja's environment
        # and its templates refer to each other), which Python would collect at some later point.
        # Serving keeps the handbook, so a full collection would free little and cost every rebuild.
        del handbook
        if self.serve_cache is None:  # serving keeps the caches too: the next rebuild reuses them
            memory.clear_caches()
            memory.release()
        return config

    on_config = CombinedEvent(_on_config_search, _on_config)

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Add the generated pages (item pages out of the nav) unless a hand-written file exists."""
        self._refuse_outside(files, Path(config.docs_dir))
        # One index up front: Files rebuilds its own lookup table after every append (quadratic).
        by_uri = {f.src_uri: f for f in files}
        generated, self._files = self._files, []  # the File objects hold the contents from here on
        self._pages, self._assets = set(), []
        for path, content, in_nav in generated:
            if clean_relative(path) != path:  # the last guard: ids are checked at load already
                log.error(f"refused to write generated file {path!r}: not a clean relative path inside the site")
                continue
            existing = by_uri.get(path)
            if existing is not None and path in self._replaces:
                files.remove(existing)  # a decision record in docs/: its page replaces the raw file
            elif existing is not None:
                if path not in self._fallbacks:
                    log.info(f"{path} is hand-written in docs/; keeping it instead of the generated page")
                continue
            inclusion = InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV
            file = File.generated(config, path, content=content, inclusion=inclusion)
            files.append(file)
            if path.endswith(".md"):
                self._pages.add(path)
            else:
                self._assets.append(file)
        return files

    def _refuse_outside(self, files: Files, docs: Path) -> None:
        """MkDocs publishes whatever docs/ holds, symlinks included: a file of docs/ that is not a
        regular file inside the repository (a symlink to /etc/passwd, a FIFO) is left out, with a warning."""
        assert self.settings is not None
        root = self.settings.root
        inside = root if docs.resolve().is_relative_to(root.resolve()) else docs  # docs_dir may lie outside
        for file in [f for f in files if f.generated_by is None and f.src_dir and Path(f.src_dir) == docs]:
            path = Path(file.abs_src_path or "")
            refused = refusal(path, inside)
            if refused is not None:
                files.remove(file)
                log.warning(f"{rel(root, path)}: {refused}")

    # Last, so every search plugin has made its index (Material's in on_config, MkDocs' in on_pre_build).
    @event_priority(-100)
    def on_pre_build(self, config: MkDocsConfig) -> None:
        """Serving: memoise the search plugin's per-page parse. Building: Material's index is written
        entry by entry (peak memory, see `search.stream_index`)."""
        if self.serve_cache is not None:
            self.serve_cache.wrap_search(config.plugins)
        else:
            search.stream_index(config.plugins)

    @event_priority(-100)
    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        """A preview build lists its Changes page in the nav, after the home, even under an explicit
        `nav`. Serving: fingerprint the file list (links in every page depend on it)."""
        changes = files.get_file_from_path(CHANGES_PAGE) if self._home_banner else None
        if changes is not None and all(p.file is not changes for p in nav.pages):
            page = Page(None, changes, config)
            nav.items.insert(1 if nav.items else 0, page)
            nav.pages.insert(0, page)
        if self.serve_cache is not None:
            self.serve_cache.start(config, files)
            self._nav = nav
        return nav

    def on_pre_page(self, page: Page, config: MkDocsConfig, files: Files) -> Page:
        """Serving: answer the Markdown conversion of an unchanged page from the previous rebuild."""
        if self.serve_cache is not None:
            self.serve_cache.wrap_render(page)
        return page

    @event_priority(-100)
    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        """Serving: pages whose finished HTML cannot have changed skip the theme template."""
        if self.serve_cache is not None and self._nav is not None:
            return self.serve_cache.use_cached_html(env, files, self._nav)
        return env

    # After mkdocs-macros (priority 0): the banner holds text from the base ref, never a macro.
    @event_priority(-100)
    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Open the home page of a preview build with a banner linking the changes. A generated page's
        File drops its copy of the page (peak memory)."""
        if self.serve_cache is None:
            self._trim_now_and_then()
        if page.file.src_uri in self._pages:
            # MkDocs has read the page: from here on its File holds the page's Markdown (the same
            # string) instead of a second copy with the front matter, for the rest of the build.
            page.file.content_string = markdown
        if self._home_banner and page.file.src_uri == "index.md":
            return self._home_banner + "\n" + markdown
        return markdown

    # First, so every other plugin sees the whole page: a search index, a link checker.
    @event_priority(100)
    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Put a generated page's raw HTML blocks back where their placeholders stand (see islands)."""
        blocks = self._blocks.get(page.file.src_uri) if page.file.generated_by is not None else None
        if not blocks:
            return html
        if page.present_anchor_ids is not None:
            page.present_anchor_ids |= islands.anchors(blocks)
        return islands.restore(html, blocks)

    # Before the search plugins (priority 0), which index the page in this event.
    @event_priority(50)
    def _on_page_context_search(self, context: Any, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        """Let search read a generated page's raw HTML blocks as text (islands.for_search)."""
        blocks = self._blocks.get(page.file.src_uri) if page.file.generated_by is not None else None
        if blocks and page.content:
            uri = page.file.src_uri
            self._full[uri] = page.content
            cache = self.serve_cache
            page.content = (
                islands.for_search(page.content, blocks)
                if cache is None
                else cache.for_search(uri, page.content, blocks)
            )
        return context

    # After the search plugins: the page is written with its blocks whole.
    @event_priority(-50)
    def _on_page_context_whole(self, context: Any, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        """Give the page back its blocks after search read it."""
        full = self._full.pop(page.file.src_uri, None)
        self._blocks.pop(page.file.src_uri, None)  # restored and read: nothing needs them any more
        if full is not None:
            page.content = full
        return context

    def _on_page_context(self, context: Any, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        """Point the edit link of a generated page at its source data file."""
        source = self._sources.get(page.file.src_uri)
        if source is not None:
            base = self.config.edit_url or _edit_base(config)
            # Quoted: the theme prints it into href="..." as it is, and a file name may hold a quote.
            page.edit_url = base + quote(source) if base else None
        return context

    on_page_context = CombinedEvent(_on_page_context_search, _on_page_context, _on_page_context_whole)

    @event_priority(-100)  # last: the cached HTML is the page as every plugin left it
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        """Keep pages offline (see `_offline`); serving, reuse or remember the finished HTML."""
        if self.serve_cache is not None:
            return self.serve_cache.post_page(self._offline(output), page)
        self._let_go(page)
        return self._offline(output)

    def _let_go(self, page: Page) -> None:
        """Building, what no one reads again is let go as the pages are written (peak memory): a
        generated page's HTML, and the bytes of the generated files (ops.json), copied to the site
        before the first page is built.
        A plugin reading such a file later gets the same bytes, read back from the site folder."""
        self._trim_now_and_then()
        if page.file.src_uri in self._pages:
            # Empty, not None: the title stays the front matter's (MkDocs reads None as "not read yet").
            page.markdown = page.file.content_string = ""
            page.content = None
        for file in self._assets:
            if file.abs_dest_path and Path(file.abs_dest_path).is_file():
                file._content, file.abs_src_path = None, file.abs_dest_path
        self._assets = []

    def _trim_now_and_then(self) -> None:
        """Building, give freed memory back every `memory.TRIM_EVERY` pages converted or written: MkDocs
        converts every page, then writes every page, and each page frees what it passed through."""
        self._steps += 1
        if self._steps % memory.TRIM_EVERY == 0:
            memory.trim()

    # Before the search plugins (priority 0), which write their index in this event.
    @event_priority(100)
    def on_post_build(self, config: MkDocsConfig) -> None:
        """Building, give the memory freed during the build back before the search index is written."""
        if self.serve_cache is None:
            memory.release()

    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str:
        """Keep 404.html and other theme templates offline too."""
        return self._offline(output_content)

    def _offline(self, html: str) -> str:
        """Keep the repository link but stop Material fetching its facts from the GitHub API, unless
        `repo_facts` is on: a handbook page should request nothing from any other host."""
        if self.config.repo_facts:
            return html
        return html.replace(' data-md-component="source"', "")

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        """Rebuild when data sources change, not only docs/."""
        assert self.settings is not None
        s = self.settings
        for relative in source_paths(s):
            path = s.path(relative)
            if path.exists():
                server.watch(str(path))
        if s.templates is not None and s.templates.exists():
            server.watch(str(s.templates))
        return server

    def _settings(self, config: MkDocsConfig) -> Settings:
        """The options as Settings, by the same function the command line uses (`opsbook check`)."""
        root = Path(config.config_file_path or ".").resolve().parent
        try:
            settings = settings_from_config(root, self.config, docs_dir=rel(root, Path(config.docs_dir)))
        except OptionError as exc:
            raise PluginError(f"opsbook: {exc}") from None
        settings = replace(settings, directory_urls=config.use_directory_urls)
        if self.serve_cache is not None:  # one as-of instant across rebuilds: see servecache
            settings = replace(settings, as_of=self.serve_cache.as_of(settings.as_of))
        return settings


def _edit_base(config: MkDocsConfig) -> str | None:
    """repo_url + edit_uri with the docs folder removed: edit links of data files start at the root."""
    if not config.repo_url or config.edit_uri is None:
        return None
    edit_uri = config.edit_uri.rstrip("/") + "/"
    docs = Path(config.docs_dir).name + "/"
    if edit_uri.endswith(docs):
        edit_uri = edit_uri[: -len(docs)]
    return config.repo_url.rstrip("/") + "/" + edit_uri.lstrip("/")
