"""Links between records, across kinds: each must reach a record, or it is a problem at its line.

A record body (an incident's postmortem, a decision, an RFC, a runbook) links another record by its
path in the repository: `../decisions/2026-0003-error-budget-policy.md`, `INC-20261103-01.md`. Each
kind's page re-targets such links to the other record's page (`links.rewrite_links`); a link that
lands in a records folder where no record is has nothing to point at. The page keeps its words, and
this check reports it, with file and line, so it is never dropped silently. Decisions may also list
the incidents that led to them (`incidents: [INC-...]`): an unknown id is a problem at its line.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..sources import read_text

if TYPE_CHECKING:
    from ..handbook import Handbook
    from ..problems import ProblemLog

_LINK = re.compile(r"!?\[[^\]\n]*\]\(\s*<?(?P<target>[^)\s>]+)>?(?:\s+\"[^\"\n]*\")?\s*\)")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]\n]+\]:\s*<?(?P<target>[^>\s]+)>?")
_FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass(frozen=True)
class RecordLink:
    """A relative link to a Markdown file, as written in a source file."""

    file: str  # the source, relative to the handbook root
    line: int
    target: str  # as written
    path: str  # the repository path it names


def links_of(text: str, file: str) -> Iterator[RecordLink]:
    """Relative links to Markdown files in `text` (the whole source file), outside code."""
    lowered = text.lower()
    if ".md" not in lowered and ".markdown" not in lowered:
        return  # no target can end in .md or .markdown (most files: skip the line scan)
    base = posixpath.dirname(file)
    fenced = False
    for number, line in enumerate(text.split("\n"), start=1):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if fenced or "]" not in line:  # both link forms need a `]`
            continue
        plain = re.sub(r"`+[^`]*`+", "", line)
        targets = [m.group("target") for m in _LINK.finditer(plain)]
        if m := _REF_DEF.match(plain):
            targets.append(m.group("target"))
        for target in targets:
            if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", target) or target.startswith(("/", "#")):
                continue
            path = target.split("#")[0].split("?")[0]
            if path.lower().endswith((".md", ".markdown")):
                yield RecordLink(file, number, target, posixpath.normpath(posixpath.join(base, path)))


def _folders(hb: Handbook) -> list[tuple[str, str]]:
    """(folder, what its records are called) of every kind of record, relative to the root."""
    s = hb.settings
    pairs = [(s.incidents, "incident"), (s.rfcs, "RFC"), (s.runbooks, "runbook")]
    pairs += [(folder, "decision record") for folder in s.decisions]
    return [(posixpath.normpath(f), what) for f, what in pairs]


def _sources(hb: Handbook) -> list[str]:
    files = [i.file for i in hb.incidents] + [r.file for r in hb.rfcs] + [d.file for d in hb.decisions]
    files += [rb.path for rb in hb.runbooks]
    return sorted(set(files))


def check_record_links(hb: Handbook, log: ProblemLog) -> Handbook:
    """Every link from a record to a record folder reaches a record; every `incidents:` id exists."""
    folders = _folders(hb)
    root = hb.settings.root
    for file in _sources(hb):
        text = read_text(root / file, file, log, root)
        if text is None:
            continue
        own = next((what for folder, what in folders if file.startswith(folder + "/")), None)
        for ref in links_of(text, file):
            kind = next((what for folder, what in folders if ref.path.startswith(folder + "/")), None)
            if kind is None or (root / ref.path).is_file():
                continue
            if own == kind == "decision record":
                continue  # the decision log's own links: relations are problems there, body links notes
            log.add(
                file,
                ref.line,
                f"link to {ref.target}: there is no {kind} at {ref.path}; link an existing record "
                "by its path from this file, or remove the link",
            )
    known = {i.id for i in hb.incidents}
    for d in hb.decisions:
        for incident, line in d.incident_refs:
            if incident not in known:
                hint = ", ".join(sorted(known)[-3:]) or "none yet"
                log.add(
                    d.file,
                    line,
                    f"incidents: {incident!r} is not the id of any incident in {hb.settings.incidents}/ "
                    f"(latest: {hint})",
                )
    return hb
