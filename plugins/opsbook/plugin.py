"""The MkDocs adapter: wires MkDocs events to the pure core in `opsbook.build`."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from . import macros
from .build import load_handbook, render_pages
from .config import OpsbookConfig
from .handbook import Handbook
from .settings import DEFAULT_SEVERITIES, Settings, Severity, as_of_from_env
from .timeparse import ParseError, parse_duration

log = get_plugin_logger(__name__)

ASSETS = ("assets/opsbook.css", "assets/opsbook.js")
MARKDOWN_EXTENSIONS = ("tables", "attr_list", "md_in_html", "admonition", "pymdownx.tasklist")


class OpsbookPlugin(BasePlugin[OpsbookConfig]):
    """Loads the ops data once per build and adds the generated pages, ops.json and assets."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.handbook: Handbook | None = None
        self._files: list[tuple[str, str | bytes, bool]] = []
        self._sources: dict[str, str] = {}

    # After mkdocs-macros' on_config (priority 0), which rebuilds its variables on every build:
    # registering later puts our variables into the fresh environment in either plugin order.
    @event_priority(-50)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Load, validate and derive the handbook once, render its pages, wire macros."""
        settings = self._settings(config)
        self.handbook = load_handbook(settings)
        for problem in self.handbook.problems:
            log.warning(str(problem))
        pages, assets = render_pages(self.handbook)
        self._files = [(p.path, p.markdown(), p.in_nav) for p in pages]
        self._files += [(a.path, a.content, False) for a in assets]
        self._files += [(name, _packaged(name), False) for name in ASSETS]
        self._sources = {p.path: p.source for p in pages if p.source}
        for ext in MARKDOWN_EXTENSIONS:
            if ext not in config.markdown_extensions:
                config.markdown_extensions.append(ext)
        for name, target in (("assets/opsbook.css", config.extra_css), ("assets/opsbook.js", config.extra_javascript)):
            if name not in [str(t) for t in target]:
                target.append(name)
        macros.register(config, self.handbook)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Add the generated pages (item pages out of the nav) unless a hand-written file exists."""
        for path, content, in_nav in self._files:
            if files.get_file_from_path(path) is not None:
                log.info(f"{path} is hand-written in docs/; keeping it instead of the generated page")
                continue
            inclusion = InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, path, content=content, inclusion=inclusion))
        return files

    def on_page_context(self, context: Any, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        """Point the edit link of a generated page at its source data file."""
        source = self._sources.get(page.file.src_uri)
        if source is not None:
            base = self.config.edit_url or _edit_base(config)
            page.edit_url = base + source if base else None
        return context

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        """Rebuild when data sources change, not only docs/."""
        assert self.handbook is not None
        s = self.handbook.settings
        for relative in (s.slo, s.slo_dir, s.incidents, *s.decisions, s.rfcs, s.runbooks, s.cadence,
                         s.team, s.checklists, s.maturity, s.onboarding, s.roadmap):
            path = s.path(relative)
            if path.exists():
                server.watch(str(path))
        if s.templates is not None and s.templates.exists():
            server.watch(str(s.templates))
        return server

    def _settings(self, config: MkDocsConfig) -> Settings:
        root = Path(config.config_file_path or ".").resolve().parent
        opts = self.config
        try:
            tz = ZoneInfo(opts.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            raise PluginError(f"opsbook: timezone {opts.timezone!r} is not an IANA time zone such as "
                              "UTC or Europe/Berlin") from None
        try:
            deadline = parse_duration(opts.postmortem_deadline)
        except ParseError as exc:
            raise PluginError(f"opsbook: postmortem_deadline: {exc}") from None
        severities = tuple(Severity(s.id, s.description) for s in opts.severities) or DEFAULT_SEVERITIES
        return Settings(
            root=root,
            as_of=as_of_from_env(),
            timezone=tz,
            slo=opts.slo,
            slo_dir=opts.slo_dir,
            incidents=opts.incidents,
            decisions=tuple(opts.decisions),
            rfcs=opts.rfcs,
            runbooks=opts.runbooks,
            cadence=opts.cadence,
            team=opts.team,
            checklists=opts.checklists,
            maturity=opts.maturity,
            onboarding=opts.onboarding,
            roadmap=opts.roadmap,
            severities=severities,
            postmortem_deadline_hours=deadline.total_seconds() / 3600,
            runbook_stale_days=opts.runbook_stale_days,
            base_ref=os.environ.get("OPSBOOK_BASE_REF") or opts.base_ref,
            templates=(root / opts.templates) if opts.templates else None,
        )


def _edit_base(config: MkDocsConfig) -> str | None:
    """repo_url + edit_uri with the docs folder removed: edit links of data files start at the root."""
    if not config.repo_url or config.edit_uri is None:
        return None
    edit_uri = config.edit_uri.rstrip("/") + "/"
    docs = Path(config.docs_dir).name + "/"
    if edit_uri.endswith(docs):
        edit_uri = edit_uri[: -len(docs)]
    return config.repo_url.rstrip("/") + "/" + edit_uri.lstrip("/")


def _packaged(name: str) -> bytes:
    from importlib import resources

    return resources.files("opsbook").joinpath(name).read_bytes()
