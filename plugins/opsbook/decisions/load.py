"""Loading the decision log from every configured folder, native and foreign records alike.

Each Markdown file of a folder is one of:

* skipped, with the reason as a note: an index or README of the folder, a template (by its name or
  a placeholder title), an annex beside a decision's README in its own folder;
* a record, in the format detected for that file (not for the folder): native opsbook front matter,
  MADR front matter, log4brains/MADR 2 bullets, Nygard/adr-tools sections, or plain Markdown;
* a problem, when it cannot be read at all (not UTF-8, too big).

Native records are strict (schema, vocabulary, team); foreign ones are read the way a human reads
them and only real defects become problems: impossible dates, duplicate native ids, relations that
point nowhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..markdown import split_front
from ..problems import ProblemLog
from ..settings import Settings
from ..sources import list_files, name_order, read_text, refusal, rel
from ..timeparse import ParseError, parse_date
from ..validate import check
from ..yamlio import LineDict, LineList, split_front_matter
from . import log4brains, madr, nygard
from .common import people, split_title, tag_list
from .dates import date_from_name, parse_human_date
from .mdtext import (
    demote,
    is_placeholder_title,
    number_from_name,
    remove_lines,
    strip_comments,
    title_from_name,
    title_heading,
)
from .model import Annex, DateSource, Decision, DecisionSet, Parsed, Skipped
from .resolve import Resolver, link_bodies, resolve_relations
from .status import STATUSES, StatusReading, native_status, read_status, suggestion

if TYPE_CHECKING:
    from ..team.model import Team

Day = date  # fields named `date` shadow the type inside a class body
NATIVE_NAME = re.compile(r"^(?P<id>\d{4}-\d{4})(?:-(?P<topic>.+))?$")
INDEX_NAMES = ("readme", "index", "_index")
SUFFIXES = (".md", ".markdown")
# adr-template.md, template.md, TEMPLATE-bare.md, madr-template-minimal.md; not adr-014-project-templates.md.
# adr-tools' 0000-TEMPLATE.md too.
_TEMPLATE_NAME = re.compile(r"^(?:[a-z0-9]+[-_])?template(?:[-_][a-z-]+)?$", re.I)
# adr-tools' placeholders: `# NUMBER. TITLE`, `STATUS`, `Date: DATE`.
_PLACEHOLDER_CAPS = re.compile(r"^(?:NUMBER|N+|0+)?\.?\s*TITLE$|^STATUS$|^DATE$")
_MD_LINK = re.compile(r"\]\(\s*<?([^)\s>#?]+\.(?:md|markdown))(?:[#?][^)\s]*)?>?(?:\s+\"[^\"]*\")?\s*\)", re.I)
INDEX_MIN_LINKS = 3  # a page that mostly links this many records of its folder is an index of them


@dataclass
class Draft:
    """A record between parsing and id/link resolution."""

    path: Path
    file: str  # relative to the root
    folder: str
    name: str  # file stem, or the folder name for a README in its own folder
    subdir: str  # the file's folder inside the configured folder ("" at its top)
    parsed: Parsed
    native: bool
    front: LineDict
    id: str = ""
    page: str = ""
    date: Day | None = None
    date_source: DateSource | None = None
    owner: str | None = None
    revisit: Day | None = None
    native_relations: list[tuple[str, str, int | None]] = field(default_factory=list)  # kind, id, line
    annexes: list[Annex] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    status: StatusReading | None = None
    in_docs: bool = False  # the source lies in docs/: its page takes the source's place
    incident_refs: list[tuple[str, int | None]] = field(default_factory=list)  # `incidents:` with lines


def _is_decision_dir(name: str) -> bool:
    """A folder named like a record (`2022-02-03-slug`, `0012-slug`) holds one decision."""
    return date_from_name(name) is not None or number_from_name(name) is not None


def _classify(path: Path, base: Path) -> tuple[str, str]:
    """("record" | "annex" | "skip", reason or record name) for one file of a folder."""
    stem = path.stem
    parent = path.parent
    in_own_dir = parent != base and _is_decision_dir(parent.name)
    if stem.lower() in INDEX_NAMES:
        if in_own_dir:
            return "record", parent.name
        where = "its folder" if parent == base else f"folder {parent.relative_to(base).as_posix()}"
        return "skip", f"the index page ({path.name}) of {where}, not a decision"
    if in_own_dir and any((parent / f"{n}{s}").is_file() for n in ("README", "readme", "index") for s in SUFFIXES):
        return "annex", parent.name
    if _TEMPLATE_NAME.match(stem):
        return "skip", "a template for new records, not a decision"
    return "record", stem


def load_decisions(settings: Settings, problems: ProblemLog, team: Team | None = None) -> DecisionSet:
    """Every decision record of every folder in `settings.decisions`; never raises on bad input."""
    drafts: list[Draft] = []
    skipped: list[Skipped] = []
    seen: set[Path] = set()
    files: list[str] = []
    annex_paths: dict[Path, list[Path]] = {}
    for folder in dict.fromkeys(settings.decisions):
        base = settings.path(folder)
        if not base.is_dir():
            if folder != "ops/decisions":
                problems.note(folder, None, "decisions folder not found; nothing read from it")
            continue
        # Records stay inside the repository, or inside their folder when mkdocs.yml names one outside it.
        real_base = base.resolve()  # once per folder, not once per record
        inside = settings.root if real_base.is_relative_to(settings.root.resolve()) else base
        for path in list_files(base, SUFFIXES):
            name = rel(settings.root, path)
            refused = refusal(path, inside)  # checked before resolving: a symlink out is a problem
            if refused is not None:
                files.append(name)
                problems.add(name, None, refused)
                continue
            resolved = path.resolve()
            if resolved in seen:
                continue  # listed under two configured folders: read once
            seen.add(resolved)
            files.append(name)
            kind, detail = _classify(path, base)
            if kind == "skip":
                skipped.append(Skipped(name, detail))
            elif kind == "annex":
                annex_paths.setdefault(resolved.parent, []).append(resolved)
            else:
                draft = _read(resolved, name, folder, real_base, detail, problems, skipped, inside)
                if draft is not None:
                    drafts.append(draft)
    _attach_annexes(drafts, annex_paths, settings, problems, skipped)
    _assign_ids(drafts, problems)
    _assign_pages(drafts, settings)
    extra = dict(settings.decision_statuses)
    for draft in drafts:
        _finish(draft, problems, team)
        if extra and not draft.native and draft.status is not None and draft.status.raw:
            # The site's own status words (option decision_statuses); relations were read already.
            reread = read_status(draft.status.raw, extra)
            draft.status = replace(reread, relations=draft.status.relations)
    resolver = Resolver(settings, drafts)
    relations = resolve_relations(drafts, resolver, problems)
    records = [_record(d, relations.get(d.id, {})) for d in drafts]
    records = link_bodies(records, drafts, resolver)
    order = sorted(records, key=lambda d: (d.file, d.id))
    return DecisionSet(tuple(order), tuple(sorted(skipped, key=lambda s: s.file)), tuple(sorted(files)))


def _read(
    path: Path,
    name: str,
    folder: str,
    base: Path,
    record_name: str,
    problems: ProblemLog,
    skipped: list[Skipped],
    inside: Path,
) -> Draft | None:
    text = read_text(path, name, problems, inside)
    if text is None:
        return None
    heading = title_heading(strip_comments(_without_front(text)))
    if heading is not None and is_placeholder_title(strip_comments(heading.text)):
        skipped.append(Skipped(name, f"a template: its title {heading.text.strip()!r} is a placeholder"))
        return None
    front, body, body_line = split_front_matter(text, name, problems)
    body = strip_comments(body)
    subdir = path.parent.relative_to(base).as_posix()
    if record_name != path.stem:  # README in its own folder: the folder is the record
        subdir = path.parent.parent.relative_to(base).as_posix()
    subdir = "" if subdir == "." else subdir
    native = (
        bool(NATIVE_NAME.match(path.stem))
        and bool(front)
        and not any(key in front for key in ("decision-makers", "consulted", "informed"))
    )
    if not native and (reason := _not_a_record(path, body)) is not None:
        skipped.append(Skipped(name, reason))
        return None
    if native:
        parsed = _parse_native(front, body, body_line)
    elif any(key in front for key in madr.FRONT_KEYS):
        parsed = madr.parse(front, body, body_line)
    elif log4brains.looks_like(body):
        parsed = log4brains.parse(body, body_line)
    elif nygard.looks_like(body):
        parsed = nygard.parse(body, body_line)
    elif madr.looks_like(front, body):
        parsed = madr.parse(front, body, body_line)
    else:
        title, number, title_lines, _ = split_title(body)
        parsed = Parsed(
            "markdown", title=title, number=number, body=remove_lines(body, title_lines), body_line=body_line
        )
    return Draft(
        path=path,
        file=name,
        folder=folder,
        name=record_name,
        subdir=subdir,
        parsed=parsed,
        native=native,
        front=front,
    )


def _not_a_record(path: Path, body: str) -> str | None:
    """Why a foreign file is no decision: an adr-tools template (its title, status and date are the
    placeholders NUMBER. TITLE, STATUS, DATE) or an index of the folder's records under another name
    (a table or list that mostly links other records, with no status or date of its own)."""
    lines = [line.strip() for line in body.split("\n") if line.strip()]
    placeholders = [
        line for line in lines if _PLACEHOLDER_CAPS.match(line.lstrip("#").strip().removeprefix("Date:").strip())
    ]
    if len(placeholders) >= 2:
        return "a template: its title, status or date are placeholders (" + ", ".join(placeholders[:3]) + ")"
    if _is_decision_dir(path.stem) or re.search(r"^#{1,6}\s*status\b|^\W*(?:status|date)\s*:", body, re.I | re.M):
        return None  # named like a record, or states a status or a date: a record
    linked = {m.group(1) for m in _MD_LINK.finditer(body) if (path.parent / m.group(1)).is_file()}
    linked.discard(path.name)
    if len(linked) < INDEX_MIN_LINKS:
        return None
    content = [line for line in lines if not line.startswith("#") and not re.fullmatch(r"[|:\-\s]+", line)]
    with_links = [line for line in content if _MD_LINK.search(line)]
    if len(with_links) * 2 >= len(content):
        return f"an index of {len(linked)} records of its folder, not a decision"
    return None


def _without_front(text: str) -> str:
    return split_front(text)[1]


def _parse_native(front: LineDict, body: str, body_line: int) -> Parsed:
    _, _, title_lines, _ = split_title(body)
    title = str(front["title"]).strip() if isinstance(front.get("title"), str) else None
    return Parsed(
        source_format="opsbook",
        title=title,
        deciders=people(front.get("deciders")),
        consulted=people(front.get("consulted")),
        informed=people(front.get("informed")),
        tags=tag_list(front.get("tags")) if isinstance(front.get("tags"), list) else (),
        body=remove_lines(body, title_lines) if title_lines and title else body,
        body_line=body_line,
    )


def _attach_annexes(
    drafts: list[Draft],
    annex_paths: dict[Path, list[Path]],
    settings: Settings,
    problems: ProblemLog,
    skipped: list[Skipped],
) -> None:
    """Annexes are shown on their decision's page; they are skipped as records, with that reason."""
    owners = {d.path.parent: d for d in drafts if d.name != d.path.stem}
    for folder, paths in annex_paths.items():
        owner = owners.get(folder)
        for path in sorted(paths):
            name = rel(settings.root, path)
            if owner is None:
                skipped.append(Skipped(name, "beside an unreadable README.md; not read"))
                continue
            skipped.append(Skipped(name, f"an annex of decision {folder.name}, shown on its page"))
            text = read_text(path, name, problems, path.parent)  # an annex: already a resolved regular file
            if text is None:
                continue
            _, body, _ = split_front_matter(text, name, problems)
            body = strip_comments(body)
            title, _, title_lines, _ = split_title(body)
            anchor = "annex-" + re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")
            text = remove_lines(body, title_lines) if title else body
            owner.annexes.append(Annex(name, title or title_from_name(path.stem), anchor, demote(text, 2)))


def _assign_ids(drafts: list[Draft], problems: ProblemLog) -> None:
    """Native ids are YYYY-NNNN; foreign ids are file (or folder) names, qualified only when two
    records share one: first by their sub-folder, then by the configured folder."""
    natives: dict[str, Draft] = {}
    numbers = {d.path.stem[:9] for d in drafts if d.native}
    # The earlier file by name keeps a number; across folders too (see `sources.name_order`).
    for draft in sorted((d for d in drafts if d.native), key=lambda d: name_order(d.file)):
        m = NATIVE_NAME.match(draft.path.stem)
        assert m is not None
        wanted = m.group("id")
        if wanted in natives:
            year = wanted[:4]
            used = {int(k[5:9]) for k in numbers if k.startswith(year + "-")}
            free = f"{year}-{max(used, default=0) + 1:04d}"
            problems.add(
                draft.file,
                None,
                f"duplicate decision id {wanted}: {natives[wanted].file} has it too "
                f"(two branches picked the same number), so this record is shown as {draft.path.stem}; "
                f"renumber this file, e.g. to {free}",
            )
            draft.id = draft.path.stem
        else:
            draft.id = wanted
            natives[wanted] = draft
    foreign = [d for d in drafts if not d.native or not d.id]
    groups: dict[str, list[Draft]] = {}
    for draft in foreign:
        groups.setdefault((draft.id or draft.name).lower(), []).append(draft)
    taken = {k.lower() for k in natives}
    for key, group in sorted(groups.items()):
        for level in range(4):
            ids = [_qualified(d, level, len({g.folder for g in group}) > 1) for d in group]
            if len({i.lower() for i in ids}) == len(ids) and (level > 0 or key not in taken):
                break
        for draft, new_id in zip(group, ids, strict=True):
            draft.id = new_id


def _qualified(draft: Draft, level: int, many_folders: bool) -> str:
    base = draft.id or draft.name
    parts: list[str] = []
    if level >= 3:
        parts.append(draft.folder.strip("/"))
    elif level >= 2 or (level >= 1 and many_folders):
        parts.append(Path(draft.folder).name)
    if level >= 1 and draft.subdir:
        parts.append(draft.subdir)
    return "/".join([*parts, base])


def _assign_pages(drafts: list[Draft], settings: Settings) -> None:
    """A record inside docs/ takes its source's place (one page per record, the old URL still
    works); every other record gets decisions/<id>.md."""
    docs = settings.path(settings.docs_dir).resolve()
    used: set[str] = {"decisions/index.md"}
    for draft in sorted(drafts, key=lambda d: d.file):
        try:
            page = draft.path.relative_to(docs).as_posix()
            draft.in_docs = True
        except ValueError:
            # The id may carry folder names (qualified ids): keep only plain segments, never `..`.
            segments = [s for s in re.sub(r"[^A-Za-z0-9._/-]+", "-", draft.id).split("/") if s.strip(".")]
            page = "decisions/" + "/".join(segments or ["record"]) + ".md"
        if page in used:
            page = page.removesuffix(".md") + "-" + str(len(used)) + ".md"
        used.add(page)
        draft.page = page


def _finish(draft: Draft, problems: ProblemLog, team: Team | None) -> None:
    """Dates, status, owner and references of one record; problems for what is wrong."""
    _incident_refs(draft)
    if draft.native:
        _finish_native(draft, problems, team)
        return
    p = draft.parsed
    front = draft.front
    if "status" in front and isinstance(front["status"], (LineDict, LineList)):
        problems.add(
            draft.file,
            front.line_of("status"),
            "status must be a word such as accepted, not a list or mapping; allowed: " + ", ".join(STATUSES),
        )
    draft.status = p.status
    if p.date_text is not None:
        try:
            draft.date, draft.date_source = parse_human_date(p.date_text), "metadata"
        except ParseError as exc:
            problems.add(draft.file, p.date_line, f"date: {exc}")
    if draft.date is None and p.date_text is None:
        from_name = date_from_name(draft.name)
        if from_name is not None:
            source: DateSource = "folder name" if draft.name != draft.path.stem else "file name"
            draft.date, draft.date_source = from_name, source
            draft.notes.append(f"the date is taken from the {source}")
        else:
            draft.notes.append("the record has no date")
    if p.status.kind == "empty" and not p.status.relations:
        draft.notes.append("the record states no status")
    file_number = number_from_name(draft.name)
    if p.number is not None and file_number is not None and p.number != file_number:
        draft.notes.append(f"the title says number {p.number} but the file is numbered {file_number}")
    if not p.title:
        draft.notes.append("the record has no title heading; the title is taken from its file name")


def _incident_refs(draft: Draft) -> None:
    """`incidents: [INC-20261103-01]` (or one id) in the front matter: the incidents behind the decision;
    checked against the incident log once every kind is loaded (recordlinks.py)."""
    listed = draft.front.get("incidents") if draft.front else None
    items: list[Any] = list(listed) if isinstance(listed, LineList) else [] if listed is None else [listed]
    for index, item in enumerate(items):
        line = listed.line_of(index) if isinstance(listed, LineList) else draft.front.line_of("incidents")
        if isinstance(item, str) and item.strip():
            draft.incident_refs.append((item.strip(), line))


def _finish_native(draft: Draft, problems: ProblemLog, team: Team | None) -> None:
    from ..team.model import check_person

    front, name = draft.front, draft.file
    invalid = check(front, "decision", name, problems)
    status_value = front.get("status")
    status = native_status(status_value) if isinstance(status_value, str) else None
    if isinstance(status_value, str) and status is None:
        problems.add(
            name,
            front.line_of("status"),
            f"unknown status {status_value!r}{suggestion(status_value)}; use one of: " + ", ".join(STATUSES),
        )
    draft.status = StatusReading(
        status, status_value if isinstance(status_value, str) else None, "exact" if status else "empty"
    )
    for key in ("date", "revisit"):
        if key in front and not invalid.under(key):
            try:
                value = parse_date(front[key])
            except ParseError as exc:
                problems.add(name, front.line_of(key), f"{key}: {exc}")
                continue
            if key == "date":
                draft.date, draft.date_source = value, "metadata"
            else:
                draft.revisit = value
    if draft.date is not None and draft.revisit is not None and draft.revisit < draft.date:
        problems.add(
            name,
            front.line_of("revisit"),
            f"revisit {draft.revisit} is before the decision's date "
            f"{draft.date}; a revisit date comes after the decision",
        )
    owner = front.get("owner")
    draft.owner = owner.strip() if isinstance(owner, str) and owner.strip() else None
    check_person(team, draft.owner, name, front.line_of("owner"), "owner", problems)
    deciders = front.get("deciders")
    for index, who in enumerate(draft.parsed.deciders):
        line = deciders.line_of(index) if isinstance(deciders, LineList) else front.line_of("deciders")
        check_person(team, who, name, line, "decider", problems)
    for key, kind in (("supersedes", "supersedes"), ("amends", "amends")):
        listed = front.get(key)
        if invalid.under(key) or listed is None:
            continue
        items: Any = listed if isinstance(listed, LineList) else [listed]
        for index, item in enumerate(items):
            line = listed.line_of(index) if isinstance(listed, LineList) else front.line_of(key)
            draft.native_relations.append((kind, str(item).strip(), line))


def _record(draft: Draft, relations: dict[str, list[str]]) -> Decision:
    p = draft.parsed
    status = draft.status or p.status
    title = p.title or title_from_name(draft.name)
    file_number = None if draft.native else number_from_name(draft.name)
    return Decision(
        id=draft.id,
        title=title,
        status=status.status,
        status_raw=status.raw,
        status_kind=status.kind,
        date=draft.date,
        date_source=draft.date_source,
        source_format=p.source_format,
        file=draft.file,
        line=(draft.front.line or 1) if draft.native and draft.front else None,
        folder=draft.folder,
        page=draft.page,
        body=p.body,
        owner=draft.owner,
        deciders=p.deciders,
        consulted=p.consulted,
        informed=p.informed,
        tags=p.tags,
        revisit=draft.revisit,
        number=file_number if file_number is not None else p.number,
        supersedes=tuple(relations.get("supersedes", ())),
        superseded_by=tuple(relations.get("superseded_by", ())),
        amends=tuple(relations.get("amends", ())),
        amended_by=tuple(relations.get("amended_by", ())),
        in_favour_of=tuple(relations.get("in_favour_of", ())),
        incident_refs=tuple(draft.incident_refs),
        status_qualifier=status.qualifier,
        annexes=tuple(draft.annexes),
        notes=tuple(draft.notes),
        replaces_source=draft.in_docs,
    )


def with_rfcs(records: tuple[Decision, ...], produced: dict[str, list[str]]) -> tuple[Decision, ...]:
    """Records with the RFCs that produced them (RFCs name their decision, not the other way)."""
    return tuple(replace(r, rfcs=tuple(sorted(produced.get(r.id, ())))) if r.id in produced else r for r in records)
