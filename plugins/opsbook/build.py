"""The pipeline: load -> validate -> derive -> render, once per build, with no MkDocs in sight.

`load_handbook` reads every kind of the registry (`kinds.KINDS`) stage by stage (people and
services first, because other kinds refer to them); `render_pages` turns the handbook into
Markdown pages and site assets. Another front end (a folder writer for Zensical, the CLI) calls the same two functions.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from importlib import resources

from . import now, opsjson
from .attention import attention_page
from .handbook import Handbook
from .kind import Kind, Stage
from .kinds import KINDS
from .layout import with_layout
from .pages import GeneratedAsset, GeneratedPage
from .preview.load import compare_with_base
from .preview.pages import changes_pages, home_banner, with_banners
from .problems import Finding, ProblemLog
from .render import Renderer
from .reuse import Reuse
from .settings import Settings
from .site_pages import home_page, problems_page
from .sources import read_once


def load_handbook(settings: Settings, reuse: Reuse | None = None) -> Handbook:
    """Load, validate and derive every kind of the registry; never raises for bad input. Serving,
    `reuse` holds the previous rebuild's results (reuse.py)."""
    log = ProblemLog()
    with read_once():  # the kinds and the check of links between records share one read of each file
        handbook = load_kinds(Handbook(settings=settings, kinds=KINDS, reuse=reuse), KINDS, log)
    # Preview builds: the same pipeline over the sources at the base ref, compared with this one.
    handbook = replace(handbook, changes=compare_with_base(handbook, log, load_handbook))
    # Findings are collected from the kinds once every kind is loaded.
    return replace(handbook, problems=log.sorted(), findings=_findings(handbook), notes=log.sorted_notes())


def load_kinds(handbook: Handbook, kinds: Iterable[Kind], log: ProblemLog) -> Handbook:
    """`kinds` loaded into `handbook`: stage by stage, every kind loads, then every kind derives.
    The pipeline passes the whole registry; a test or tool may pass a few kinds."""
    chosen = list(kinds)
    for stage in Stage:
        staged = [k for k in chosen if k.stage == stage]
        for kind in staged:
            handbook = kind.load(handbook, log)
        for kind in staged:
            if kind.derive is not None:
                handbook = kind.derive(handbook, log)
    return handbook


def _findings(handbook: Handbook) -> tuple[Finding, ...]:
    """Every finding of every kind, in a stable order."""
    findings = [f for kind in KINDS if kind.findings is not None for f in kind.findings(handbook)]
    return tuple(sorted(findings, key=lambda f: (f.kind, f.subject, f.message)))


STYLESHEET = "assets/opsbook.css"  # filterable tables, cards, badges, charts in both palettes
SCRIPT = "assets/opsbook.js"  # table filters and sorting, checklist ticks; offline, no dependencies


def _static_assets() -> list[GeneratedAsset]:
    """The stylesheet and script every generated page relies on."""
    package = resources.files("opsbook")
    return [GeneratedAsset(name, package.joinpath(name).read_bytes()) for name in (STYLESHEET, SCRIPT)]


def _schema_assets() -> list[GeneratedAsset]:
    """The JSON Schemas, published beside ops.json so scripts and editors can fetch them from the site."""
    folder = resources.files("opsbook").joinpath("schemas")
    return [
        GeneratedAsset(f"schemas/{entry.name}", entry.read_bytes())
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".json")
    ]


def render_pages(handbook: Handbook) -> tuple[list[GeneratedPage], list[GeneratedAsset]]:
    """Every generated page and site asset of the handbook."""
    # ops.json first: serialising it is the biggest passing allocation of a build, made while the pages'
    # text does not yet exist (peak memory).
    assets = [opsjson.asset(handbook), now.asset(handbook)]
    renderer = Renderer.for_handbook(handbook)
    pages: list[GeneratedPage] = []
    for kind in KINDS:
        if kind.pages is not None:
            pages += kind.pages(handbook, renderer)
    pages.append(problems_page(handbook, renderer))
    pages.append(home_page(handbook, renderer))
    pages.append(attention_page(handbook, renderer))
    pages += changes_pages(handbook, renderer)
    pages = with_layout(with_banners(handbook, pages, renderer))
    for kind in KINDS:
        if kind.assets is not None:
            assets += kind.assets(handbook)
    return pages, [*assets, *_schema_assets(), *_static_assets()]


def preview_home_banner(handbook: Handbook) -> str:
    """Markdown the home page opens with in a preview build (a link to the changes); else empty."""
    return home_banner(handbook, Renderer.for_handbook(handbook))
