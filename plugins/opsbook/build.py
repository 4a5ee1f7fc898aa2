"""The pipeline: load -> validate -> derive -> render, once per build, with no MkDocs in sight.

`load_handbook` reads every source kind in dependency order (people and services first, because
other kinds refer to them); `render_pages` turns the handbook into Markdown pages and site assets.
Another front end (a folder writer for Zensical, the CLI) calls the same two functions.
"""

from __future__ import annotations

from dataclasses import replace
from importlib import resources

from . import opsjson, sourcemap
from .attention import attention_page
from .cadence import ics
from .cadence.derive import ritual_findings
from .cadence.load import load_cadence
from .cadence.pages import cadence_pages
from .checklists.load import load_checklists
from .checklists.pages import checklist_pages
from .decisions.collect import load_decision_log
from .decisions.derive import decision_findings, rfc_findings
from .decisions.pages import decision_assets, decision_pages
from .handbook import Handbook
from .incidents.derive import derive_all as derive_incidents
from .incidents.derive import findings as incident_findings
from .incidents.load import load_incidents
from .incidents.pages import incident_pages
from .layout import with_layout
from .maturity.derive import evaluate as evaluate_maturity
from .maturity.derive import maturity_findings
from .maturity.load import load_rubric
from .maturity.pages import maturity_pages
from .onboarding.load import load_onboarding
from .onboarding.pages import onboarding_pages
from .pages import GeneratedAsset, GeneratedPage
from .preview.load import compare_with_base
from .preview.pages import changes_pages, with_banners
from .problems import Finding, ProblemLog
from .render import Renderer
from .rfcs.pages import rfc_pages
from .roadmap.derive import link_roadmap, roadmap_findings
from .roadmap.load import load_roadmap
from .roadmap.pages import roadmap_pages
from .runbooks.derive import runbook_findings, with_links, with_staleness
from .runbooks.load import load_runbooks
from .runbooks.pages import runbook_pages
from .services.load import has_service_sources, load_services
from .services.pages import service_pages
from .settings import Settings
from .site_pages import problems_page
from .team.load import load_team
from .team.model import check_person
from .team.pages import team_pages


def load_handbook(settings: Settings) -> Handbook:
    """Load, validate and derive every source kind; never raises for bad input."""
    log = ProblemLog()
    # The team first: every later kind checks the people it names against it (None: no team file).
    team = load_team(settings, log)
    services = load_services(settings, log)
    for service in services:
        check_person(team, service.owner, service.file, service.line, f"owner of service {service.id!r}", log)
    # Decisions and RFCs together: an RFC names the decision record it produced.
    decisions, rfcs = load_decision_log(settings, log, team)
    # Incidents after services and the team: each names services that must exist, and people.
    incidents, incident_metrics = derive_incidents(
        load_incidents(
            settings, log, frozenset(s.id for s in services) if has_service_sources(settings) else None, team
        ),
        services,
        settings,
    )
    handbook = Handbook(
        settings=settings,
        services=services,
        team=team,
        decisions=decisions,
        rfcs=rfcs,
        incidents=incidents,
        incident_metrics=incident_metrics,
        runbooks=load_runbooks(settings, log, services, team),
        cadence=load_cadence(settings, log, team),
        roadmap=load_roadmap(settings, log, team),
    )
    # Runbook staleness needs the incidents; roadmap links need decisions, RFCs and every page.
    handbook = _derive_how_we_run(handbook)
    # Judging practice comes last: checks read every other kind.
    handbook = replace(handbook, checklists=load_checklists(handbook, log))
    handbook = replace(handbook, onboarding=load_onboarding(handbook, log))  # may list checklists
    handbook = replace(handbook, maturity=evaluate_maturity(handbook, load_rubric(handbook, log)))
    # Preview builds: the same pipeline over the sources at the base ref, compared with this one.
    handbook = replace(handbook, changes=compare_with_base(handbook, log))
    # Findings are collected from the kinds once every kind is loaded.
    return replace(handbook, problems=log.sorted(), findings=_findings(handbook), notes=log.sorted_notes())


def _findings(handbook: Handbook) -> tuple[Finding, ...]:
    """Every finding of every kind, in a stable order."""
    findings: list[Finding] = []
    findings += incident_findings(handbook.incidents, handbook.as_of, handbook.settings.timezone)
    findings += runbook_findings(handbook.runbooks, handbook.services)
    findings += maturity_findings(handbook.maturity)
    findings += decision_findings(handbook.decisions) + rfc_findings(handbook.rfcs)
    if handbook.cadence is not None:
        findings += ritual_findings(handbook.cadence)
    if handbook.roadmap is not None:
        findings += roadmap_findings(handbook.roadmap)
    return tuple(sorted(findings, key=lambda f: (f.kind, f.subject, f.message)))


def _derive_how_we_run(hb: Handbook) -> Handbook:
    """Runbook staleness at the as-of date (reviewed before the service's latest incident of the two
    most severe levels?) and the roadmap's references and links, once the other kinds are loaded."""
    s = hb.settings
    find = sourcemap.resolver(hb)

    def resolve(path: str) -> str | None:  # a source file -> the page showing it, if it exists
        hit = find(path)
        return hit[0] if hit is not None and s.path(path).is_file() else None

    major = [sev.id for sev in s.severities[:2]]
    runbooks = with_staleness(
        with_links(hb.runbooks, resolve), hb.incidents, major, s.as_of, s.runbook_stale_days, s.timezone
    )
    roadmap = hb.roadmap and link_roadmap(hb.roadmap, hb.decisions, hb.rfcs, resolve)
    return replace(hb, runbooks=runbooks, roadmap=roadmap)


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
    renderer = Renderer(handbook.settings.templates, as_of=handbook.as_of, hb=handbook)
    pages: list[GeneratedPage] = []
    pages += service_pages(handbook, renderer)
    pages += incident_pages(handbook, renderer)
    pages += checklist_pages(handbook, renderer)
    pages += onboarding_pages(handbook, renderer)
    pages += maturity_pages(handbook, renderer)
    pages += runbook_pages(handbook, renderer)
    pages += cadence_pages(handbook, renderer)
    pages += team_pages(handbook, renderer)
    pages += roadmap_pages(handbook, renderer)
    pages += decision_pages(handbook, renderer)
    pages += rfc_pages(handbook, renderer)
    pages.append(problems_page(handbook, renderer))
    pages.append(attention_page(handbook, renderer))
    pages += changes_pages(handbook, renderer)
    pages = with_layout(with_banners(handbook, pages, renderer))
    assets = [opsjson.asset(handbook), *decision_assets(handbook), *_schema_assets(), *_static_assets()]
    if handbook.cadence is not None:
        assets.append(ics.asset(handbook.cadence, handbook.as_of))
    return pages, assets
