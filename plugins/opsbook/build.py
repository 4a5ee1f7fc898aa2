"""The pipeline: load -> validate -> derive -> render, once per build, with no MkDocs in sight.

`load_handbook` reads every source kind in dependency order (people and services first, because
other kinds refer to them); `render_pages` turns the handbook into Markdown pages and site assets.
Another front end (a folder writer for Zensical, the CLI) calls the same two functions.
"""

from __future__ import annotations

from dataclasses import replace

from . import opsjson
from .handbook import Handbook
from .pages import GeneratedAsset, GeneratedPage
from .problems import ProblemLog
from .render import Renderer
from .services.load import load_services
from .services.pages import service_pages
from .settings import Settings
from .site_pages import problems_page


def load_handbook(settings: Settings) -> Handbook:
    """Load, validate and derive every source kind; never raises for bad input."""
    log = ProblemLog()
    services = load_services(settings, log)
    handbook = Handbook(settings=settings, services=services)
    # Findings are collected from the kinds once every kind is loaded.
    return replace(handbook, problems=log.sorted(), findings=_findings(handbook))


def _findings(handbook: Handbook) -> tuple:  # type: ignore[type-arg]
    findings: list = []  # type: ignore[type-arg]
    return tuple(sorted(findings, key=lambda f: (f.kind, f.subject, f.message)))


def render_pages(handbook: Handbook) -> tuple[list[GeneratedPage], list[GeneratedAsset]]:
    """Every generated page and site asset of the handbook."""
    renderer = Renderer(handbook.settings.templates, as_of=handbook.as_of, hb=handbook)
    pages: list[GeneratedPage] = []
    pages += service_pages(handbook, renderer)
    pages.append(problems_page(handbook, renderer))
    assets = [opsjson.asset(handbook)]
    return pages, assets
