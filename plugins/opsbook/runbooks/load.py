"""Loading runbooks: Markdown with optional front matter `owner`, `last_reviewed`, `pager`."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .. import markdown
from ..links import hugo_refs
from ..problems import ProblemLog
from ..services.model import Service, unknown_service
from ..settings import Settings
from ..sources import list_files, name_order, read_text, rel
from ..team.model import Team, check_person
from ..timeparse import ParseError, parse_date
from ..validate import Invalid, check
from ..yamlio import LineDict, split_front_matter
from .model import Runbook

# Page names MkDocs treats as a folder's index: a runbook called so gets another page name.
_RESERVED = {"index", "readme"}


@dataclass(frozen=True)
class _Source:
    path: Path
    source: str  # relative to the handbook root
    inner: str  # relative to the runbooks folder
    page: str


def page_for(inner: str) -> str:
    """Site page of a runbook from its path inside the runbooks folder: api.md -> runbooks/api.md."""
    folder, name = posixpath.split(inner)
    stem = posixpath.splitext(name)[0]
    if stem.lower() in _RESERVED:
        stem += "-runbook"
    return posixpath.join("runbooks", folder, stem + ".md")


def headings(body: str) -> tuple[str, ...]:
    """Level 2-6 headings outside code, in order: the runbook's sections."""
    return tuple(h.text for h in markdown.headings(body) if h.level >= 2)


def load_runbooks(
    settings: Settings, problems: ProblemLog, services: tuple[Service, ...] = (), team: Team | None = None
) -> tuple[Runbook, ...]:
    """Every Markdown file under the runbooks folder, sub-folders included, as a runbook page."""
    folder = settings.path(settings.runbooks)
    sources = []
    for path in list_files(folder, (".md", ".markdown")):
        inner = path.relative_to(folder).as_posix()
        sources.append(_Source(path, rel(settings.root, path), inner, page_for(inner)))
    service_by_id = {s.id: s for s in services}
    as_of = settings.as_of.astimezone(settings.timezone).date()
    runbooks = []
    # Two files that make one page (api.md and api.markdown, index.md and index-runbook.md): the
    # earlier by name keeps it, the later is a problem instead of silently replacing it.
    owner: dict[str, _Source] = {}
    for src in sorted(sources, key=lambda s: name_order(s.source)):
        owner.setdefault(src.page, src)
    for src in sources:
        if owner[src.page] is not src:
            problems.add(
                src.source,
                None,
                f"{owner[src.page].source} already makes the page {src.page}, so this file is not "
                "published; rename one of them",
            )
            continue
        text = read_text(src.path, src.source, problems, settings.root)
        if text is None:
            continue
        front, body, _ = split_front_matter(text, src.source, problems)
        invalid = check(front, "runbook", src.source, problems)
        runbooks.append(_runbook(src, front, body, invalid, problems, service_by_id, team, as_of, settings.slo))
    return tuple(runbooks)


def _runbook(
    src: _Source,
    front: LineDict,
    body: str,
    invalid: Invalid,
    problems: ProblemLog,
    service_by_id: dict[str, Service],
    team: Team | None,
    as_of: date,
    slo_file: str,
) -> Runbook:
    stem = posixpath.splitext(posixpath.basename(src.inner))[0]
    ok = {key: not invalid.under(key) for key in front}
    service = str(front["service"]) if ok.get("service") else stem
    if ok.get("service") and service_by_id and service not in service_by_id:
        problems.add(
            src.source,
            front.line_of("service"),
            unknown_service(service, service_by_id, slo_file),
        )
    last_reviewed = None
    if ok.get("last_reviewed"):
        try:
            last_reviewed = parse_date(front["last_reviewed"])
        except ParseError as exc:
            problems.add(src.source, front.line_of("last_reviewed"), f"last_reviewed: {exc}")
    owner = str(front["owner"]) if ok.get("owner") else None
    check_person(team, owner, src.source, front.line_of("owner"), "runbook owner", problems)
    h1, rest = markdown.split_h1(hugo_refs(body))
    known = service_by_id.get(service)
    title = (str(front["title"]) if ok.get("title") else None) or h1 or (f"{known.title} runbook" if known else stem)
    return Runbook(
        service=service,
        title=title,
        heading=h1 or title,
        path=src.source,
        page=src.page,
        body=rest,
        owner=owner,
        last_reviewed=last_reviewed,
        pager=str(front["pager"]) if ok.get("pager") else None,
        sections=headings(rest),
        known_service=known is not None,
        top_level="/" not in src.inner,
        section_page=stem.lower() == "_index",
        review_age_days=(as_of - last_reviewed).days if last_reviewed else None,
    )
