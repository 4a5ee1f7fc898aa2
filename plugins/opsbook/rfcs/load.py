"""Loading `rfcs/YYYY-MM-<slug>.md`: front matter (title, status, authors, dri, review window,
decision, log) and a Markdown body. One bad RFC never drops another; every problem names its line.
Only a second file with an RFC's id (its file name) is left out: its page would be the first's."""

from __future__ import annotations

import re
from collections.abc import Collection
from datetime import date
from typing import TYPE_CHECKING, Any

from ..problems import ProblemLog
from ..settings import Settings
from ..sources import list_files, name_order, read_text, rel
from ..timeparse import ParseError, parse_date
from ..validate import check, parsed
from ..yamlio import LineDict, LineList, split_front_matter
from .model import STATUSES, LogEntry, Rfc

if TYPE_CHECKING:
    from ..team.model import Team

NAME = re.compile(r"^\d{4}-(0[1-9]|1[0-2])-[a-z0-9][a-z0-9-]*$")
SKIP = re.compile(r"^(readme|index|_index|(?:[a-z]+[-_])?template(?:[-_][a-z-]+)?)$", re.I)


def load_rfcs(
    settings: Settings, problems: ProblemLog, team: Team | None = None, decision_ids: Collection[str] = ()
) -> tuple[Rfc, ...]:
    """Every RFC of `settings.rfcs`; `decision_ids` are the ids an RFC's `decision` may name."""
    folder = settings.path(settings.rfcs)
    rfcs: list[Rfc] = []
    for path in list_files(folder, (".md", ".markdown")):
        name = rel(settings.root, path)
        if SKIP.match(path.stem):
            problems.note(name, None, "not an RFC (a README, index or template); skipped")
            continue
        text = read_text(path, name, problems, settings.root)
        if text is None:
            continue
        rfc = _rfc(path.stem, name, text, problems, team, decision_ids)
        if rfc is not None:
            rfcs.append(rfc)
    return _unique(rfcs, problems)


def _unique(rfcs: list[Rfc], problems: ProblemLog) -> tuple[Rfc, ...]:
    """The earlier file by name (`sources.name_order`) keeps an id, which is the page's address: a
    later file with the same name in a sub-folder (or as `.markdown`) is a problem and has no page."""
    first: dict[str, Rfc] = {}
    for rfc in sorted(rfcs, key=lambda r: name_order(r.file)):
        earlier = first.setdefault(rfc.id, rfc)
        if earlier is not rfc:
            problems.add(
                rfc.file,
                None,
                f"duplicate RFC id {rfc.id}: {earlier.file} has it already (an RFC's id is its file name), "
                "so this file is not published; rename it to a YYYY-MM-<slug>.md of its own",
            )
    return tuple(sorted(first.values(), key=lambda r: r.id))


def _rfc(
    stem: str, name: str, text: str, problems: ProblemLog, team: Team | None, decision_ids: Collection[str]
) -> Rfc | None:
    from ..team.model import check_person

    front, body, _ = split_front_matter(text, name, problems)
    if not front:
        problems.add(
            name,
            1,
            "an RFC starts with front matter (--- title, status, authors, dri, review ---); "
            "see docs/practices/decisions.md",
        )
        return None
    if not NAME.match(stem):
        problems.add(
            name,
            None,
            f"file name {stem!r} is not YYYY-MM-<slug>.md (e.g. 2026-11-rate-limiting.md); "
            "the slug is lower-case letters, digits and dashes",
        )
    invalid = check(front, "rfc", name, problems)
    status_raw = front.get("status") if isinstance(front.get("status"), str) else None
    status = " ".join(status_raw.split()).lower() if status_raw else None
    if status_raw is not None and status not in STATUSES:
        problems.add(
            name,
            front.line_of("status"),
            f"unknown RFC status {status_raw!r}; use one of: " + ", ".join(STATUSES),
        )
        status = None
    opens = closes = None
    review = front.get("review")
    if isinstance(review, LineDict) and not invalid.under("review"):
        opens = parsed(review, "opens", parse_date, name, problems, "review.") if "opens" in review else None
        closes = parsed(review, "closes", parse_date, name, problems, "review.") if "closes" in review else None
        if opens and closes and closes < opens:
            problems.add(
                name,
                review.line_of("closes"),
                f"review closes {closes} before it opens {opens}; closes must be on or after opens",
            )
            opens = closes = None
    if status == "review" and "review" not in front:
        problems.add(
            name,
            front.line_of("status"),
            "an RFC in review needs a review window: review: {opens: YYYY-MM-DD, closes: YYYY-MM-DD}",
        )
    authors_raw = front.get("authors")
    authors = (
        tuple(str(a).strip() for a in authors_raw)
        if isinstance(authors_raw, list)
        else ((str(authors_raw).strip(),) if isinstance(authors_raw, str) else ())
    )
    for index, who in enumerate(authors):
        line = authors_raw.line_of(index) if isinstance(authors_raw, LineList) else front.line_of("authors")
        check_person(team, who, name, line, "author", problems)
    dri = front.get("dri") if isinstance(front.get("dri"), str) else None
    check_person(team, dri, name, front.line_of("dri"), "DRI", problems)
    decision = front.get("decision")
    decision_id = str(decision).strip() if decision is not None and not invalid.under("decision") else None
    if decision_id is not None and decision_id not in decision_ids:
        problems.add(
            name,
            front.line_of("decision"),
            f"decision {decision_id!r} is not the id of any decision record (native ids are YYYY-NNNN, e.g. 2026-0007)",
        )
    log = _log(front.get("log"), name, problems, invalid, team)
    title = front.get("title")
    return Rfc(
        id=stem,
        title=title.strip() if isinstance(title, str) and title.strip() else stem,
        status=status,
        status_raw=status_raw,
        authors=authors,
        dri=dri,
        opens=opens,
        closes=closes,
        decision=decision_id if decision_id in decision_ids else None,
        log=log,
        tags=tuple(str(t) for t in front.get("tags") or () if isinstance(front.get("tags"), list)),
        body=body,
        file=name,
        line=front.line or None,
        page=f"rfcs/{stem}.md",
    )


def _log(raw: Any, name: str, problems: ProblemLog, invalid: Any, team: Team | None) -> tuple[LogEntry, ...]:
    from ..team.model import check_person

    if not isinstance(raw, LineList):
        return ()
    entries: list[LogEntry] = []
    for index, item in enumerate(raw):
        if not isinstance(item, LineDict) or invalid.under("log", index):
            continue
        try:
            when: date | None = parse_date(item["date"])
        except ParseError as exc:
            problems.add(name, item.line_of("date"), f"log[{index}].date: {exc}")
            when = None
        by = item.get("by") if isinstance(item.get("by"), str) else None
        check_person(team, by, name, item.line_of("by"), "log entry author", problems)
        entries.append(LogEntry(when, str(item["entry"]), by))
    return tuple(sorted(entries, key=lambda e: e.date or date.max))
