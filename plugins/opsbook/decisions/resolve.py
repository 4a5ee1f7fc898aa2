"""Links between records: relations (supersedes, amends) and the links inside record bodies.

Records link to each other the way their authors' tools did: `0015-dns-infrastructure.md`,
`./20200101-first-adr.md`, `adr-006-core-runtime` (no suffix), `ADR-004-module-loading.md` (wrong
case), `../../../../docs/adr/x.md` (a path from the original repository layout), a folder
`../2025-05-28-profile/README.md`, or just `ADR-0045`. The resolver tries, in order: the exact
file, the file with `.md`, a folder's README, a case-insensitive match in the folder, and a record
with the same file name anywhere (when only one has it). Relations that still point nowhere are
problems; body links that point nowhere keep their words and lose the link (noted on the record).
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ..links import rewrite_links
from ..problems import ProblemLog
from ..settings import Settings
from ..sources import real_path
from .mdtext import number_from_name
from .model import Annex, Decision
from .status import RelationRef

if TYPE_CHECKING:
    from .load import Draft

INVERSE = {
    "supersedes": "superseded_by",
    "superseded_by": "supersedes",
    "amends": "amended_by",
    "amended_by": "amends",
    "in_favour_of": "preferred_over",  # "Rejected in favour of X": X was chosen instead
    "preferred_over": "in_favour_of",
}
LABEL = {
    "supersedes": "supersedes",
    "superseded_by": "superseded by",
    "amends": "amends",
    "amended_by": "amended by",
    "in_favour_of": "in favour of",
    "preferred_over": "preferred over",
}
ATTACHMENT_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".pdf", ".drawio", ".txt", ".csv")


class Resolver:
    """Finds the record (or file) a path from a record's source points at."""

    def __init__(self, settings: Settings, drafts: list[Draft]) -> None:
        self.root = settings.root.resolve()
        self.docs = settings.path(settings.docs_dir).resolve()
        self.by_path: dict[Path, Draft] = {}
        self.annex: dict[Path, tuple[Draft, str]] = {}
        self.by_basename: dict[str, list[Draft]] = {}
        self.folders = {settings.path(f).resolve() for f in {d.folder for d in drafts}}
        # Records of other kinds a decision may link to, and the section their pages live in.
        self.other_kinds = [
            (settings.path(settings.incidents).resolve(), "incidents"),
            (settings.path(settings.rfcs).resolve(), "rfcs"),
            (settings.path(settings.runbooks).resolve(), "runbooks"),
        ]
        self._resolved: dict[str, Path] = {}
        for draft in drafts:
            path = draft.path  # already resolved by the loader
            self.by_path[path] = draft
            if draft.name != draft.path.stem:  # README in its own folder: the folder means the record
                self.by_path[path.parent] = draft
                self.by_basename.setdefault(path.parent.name.lower(), []).append(draft)
            self.by_basename.setdefault(path.name.lower(), []).append(draft)
            self.by_basename.setdefault(path.stem.lower(), []).append(draft)
            for annex in draft.annexes:
                self.annex[
                    (self.root / annex.file).resolve()
                    if not Path(annex.file).is_absolute()
                    else Path(annex.file).resolve()
                ] = (draft, annex.anchor)

    def fs_path(self, repo_path: str) -> Path:
        found = self._resolved.get(repo_path)
        if found is None:
            path = Path(repo_path)
            found = self._resolved[repo_path] = real_path(path if path.is_absolute() else self.root / path)
        return found

    def record_at(self, path: Path) -> Draft | None:
        """The record whose file (or folder) `path` names, trying the spellings authors use."""
        for candidate in (path, path.with_name(path.name + ".md")):
            if candidate in self.by_path:
                return self.by_path[candidate]
        parent = path.parent
        lower = path.name.lower()
        for known, draft in self.by_path.items():
            if known.parent == parent and known.name.lower() in (lower, lower + ".md"):
                return draft
        matches = self.by_basename.get(lower) or self.by_basename.get(lower.removesuffix(".md"), [])
        unique = list({id(d): d for d in matches}.values())
        if len(unique) <= 1:
            return unique[0] if unique else None
        # Same file name in several folders: the one sharing the longest tail of the path wins.
        scored = sorted(
            ((_common_tail(path, d.path), d.file, d) for d in unique),
            key=lambda t: t[:2],
            reverse=True,
        )
        return scored[0][2] if scored[0][0] > scored[1][0] else None

    def by_text(self, source: Draft, text: str, drafts: list[Draft]) -> Draft | None:
        """A relation written without a link: `ADR-0045`, `0002`, `#12`, a record id or title."""
        lowered = " ".join(text.split()).lower()
        for draft in drafts:
            if lowered in (draft.id.lower(), draft.name.lower()):
                return draft
        m = re.search(r"\d+", text)
        if m and re.fullmatch(r"(?:adr)?[\s#-]*\d+\.?", lowered):
            number = int(m.group(0))
            same = [d for d in drafts if d.folder == source.folder and number_from_name(d.name) == number]
            if len(same) == 1:
                return same[0]
        titled = [d for d in drafts if (d.parsed.title or "").lower() == lowered]
        return titled[0] if len(titled) == 1 else None

    def body_target(self, repo_path: str, attachments: dict[str, Path]) -> str | None:
        """Site path for a link target in a record body, or None when the site has nothing there."""
        path = self.fs_path(repo_path.split("?")[0])
        if path in self.annex:
            owner, anchor = self.annex[path]
            return f"{owner.page}#{anchor}"
        record = self.record_at(path)
        if record is not None:
            return record.page
        if not path.is_file():
            return None
        for folder, section in self.other_kinds:
            if path.parent == folder and path.suffix.lower() in (".md", ".markdown"):
                return f"{section}/{path.stem}.md"  # an incident, RFC or runbook: its page
        try:
            return path.relative_to(self.docs).as_posix()
        except ValueError:
            pass
        allowed = path.is_relative_to(self.root) or any(path.is_relative_to(f) for f in self.folders)
        if allowed and path.suffix.lower() in ATTACHMENT_SUFFIXES:
            try:
                where = path.relative_to(self.root).as_posix()
            except ValueError:
                where = path.name
            site = "decisions/_files/" + re.sub(r"[^A-Za-z0-9._/-]+", "-", where.replace("../", ""))
            attachments[site] = path
            return site
        return None


def _common_tail(a: Path, b: Path) -> int:
    count = 0
    for x, y in zip(reversed(a.parts), reversed(b.parts), strict=False):
        if x.lower() != y.lower():
            break
        count += 1
    return count


def resolve_relations(drafts: list[Draft], resolver: Resolver, problems: ProblemLog) -> dict[str, dict[str, list[str]]]:
    """id -> relation kind -> ids, with every relation derived both ways."""
    by_id = {d.id: d for d in drafts}
    by_lower = {d.id.lower(): d for d in drafts}
    out: dict[str, dict[str, list[str]]] = {}
    # Where each edge "a supersedes/amends b" was written (in a, or in b as "superseded by a").
    written: dict[tuple[str, str, str], tuple[str, int | None]] = {}

    def add(source: Draft, kind: str, target: str, line: int | None) -> None:
        for a, k, b in ((source.id, kind, target), (target, INVERSE[kind], source.id)):
            bucket = out.setdefault(a, {}).setdefault(k, [])
            if b not in bucket:
                bucket.append(b)
            if k in ("supersedes", "amends"):
                written.setdefault((a, k, b), (source.file, line))

    def link(draft: Draft, kind: str, target: Draft | None, line: int | None, missing: str, itself: str) -> None:
        """Relate `draft` to `target`, or say at `line` why not: no such record, or the record itself."""
        if target is None or target is draft:
            problems.add(draft.file, line, missing if target is None else itself)
        else:
            add(draft, kind, target.id, line)

    for draft in sorted(drafts, key=lambda d: d.file):
        for kind, ref_id, line in draft.native_relations:
            target = by_id.get(ref_id) or by_lower.get(ref_id.lower())
            missing = (
                f"{kind}: {ref_id!r} is not the id of any decision record; "
                "native ids are YYYY-NNNN from the file name (2025-0004-topic.md -> 2025-0004)"
            )
            link(draft, kind, target, line, missing, f"{kind}: the record names itself; name an earlier record")
        for ref, line in draft.parsed.relations:
            target = _foreign_target(draft, ref, resolver, drafts)
            if target is None and ref.kind == "in_favour_of":
                continue  # "in favour of a managed service": words, not a record; the qualifier keeps them
            label = LABEL[ref.kind]
            missing = (
                f"{label} {ref.target or ref.text!r}: no decision record found there; "
                "link the record's file, e.g. [12. Title](0012-title.md)"
            )
            link(draft, ref.kind, target, line, missing, f"{label}: the record names itself; name another record")
    for kind in ("supersedes", "amends"):
        _report_cycles(kind, {a: kinds.get(kind, []) for a, kinds in out.items()}, written, problems)
    for kinds in out.values():
        for kind in kinds:
            kinds[kind].sort(key=lambda i: (by_id[i].date or date.max, i))
    return out


def _report_cycles(
    kind: str,
    edges: dict[str, list[str]],
    written: dict[tuple[str, str, str], tuple[str, int | None]],
    problems: ProblemLog,
) -> None:
    """A problem for each cycle of `kind` (A supersedes B supersedes A): no record of a supersedes
    cycle is in force, which no author meant. At the first link, naming every link's line."""
    for group in _strongly_connected(edges):
        start = min(group)
        path = _cycle_through(start, edges, group)
        steps = list(zip(path, [*path[1:], start], strict=True))
        where = [written[(a, kind, b)] for a, b in steps]
        chain = ", ".join(
            f"{a} {LABEL[kind]} {b} ({file}:{line})" if line else f"{a} {LABEL[kind]} {b} ({file})"
            for (a, b), (file, line) in zip(steps, where, strict=True)
        )
        problems.add(
            where[0][0],
            where[0][1],
            f"{kind} cycle: {chain}; a chain of records has a first one, remove the link that is wrong",
        )


def _strongly_connected(edges: dict[str, list[str]]) -> list[set[str]]:
    """Groups of records that reach each other (Tarjan, iterative: a long chain must not recurse);
    only groups with a cycle, in a stable order."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(sorted(edges.get(root, ()))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                group: set[str] = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.add(member)
                    if member == node:
                        break
                if len(group) > 1 or node in edges.get(node, ()):
                    groups.append(group)
    return sorted(groups, key=min)


def _cycle_through(start: str, edges: dict[str, list[str]], group: set[str]) -> list[str]:
    """The shortest walk start -> ... -> start inside the group (breadth first)."""
    came_from: dict[str, str] = {}
    queue = [start]
    for node in queue:
        for child in sorted(edges.get(node, ())):
            if child == start:
                path = [node]
                while path[-1] != start:
                    path.append(came_from[path[-1]])
                return path[::-1]
            if child in group and child not in came_from:
                came_from[child] = node
                queue.append(child)
    return [start]  # unreachable for a group from _strongly_connected


def _foreign_target(draft: Draft, ref: RelationRef, resolver: Resolver, drafts: list[Draft]) -> Draft | None:
    if ref.target:
        target = ref.target.split("#")[0]
        if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", target):
            return None  # a URL: not a record of this handbook
        if target:
            base = posixpath.dirname(draft.file)
            found = resolver.record_at(resolver.fs_path(posixpath.normpath(posixpath.join(base, target))))
            if found is not None:
                return found
    return resolver.by_text(draft, ref.text, drafts) if ref.text else None


def link_bodies(records: list[Decision], drafts: list[Draft], resolver: Resolver) -> list[Decision]:
    """Re-target the links of every body for its page; note the ones the site cannot follow."""
    out: list[Decision] = []
    for record in records:
        attachments: dict[str, Path] = {}
        missing: list[str] = []

        def resolve(
            repo_path: str, attachments: dict[str, Path] = attachments, missing: list[str] = missing
        ) -> str | None:
            site = resolver.body_target(repo_path, attachments)
            if site is None:
                missing.append(posixpath.basename(repo_path.split("?")[0]) or repo_path)
            return site

        body = rewrite_links(record.body, record.file, record.page, resolve)
        annexes = tuple(replace(a, body=rewrite_links(a.body, a.file, record.page, resolve)) for a in record.annexes)
        notes = list(record.notes)
        if missing:
            names = ", ".join(sorted(set(missing)))
            notes.append(f"links to files that are not part of the handbook were kept as plain text: {names}")
        out.append(
            replace(
                record,
                body=body,
                annexes=annexes,
                notes=tuple(notes),
                attachments=tuple(sorted((site, str(p)) for site, p in attachments.items())),
            )
        )
    del drafts
    return out


__all__ = ["Annex", "Resolver", "link_bodies", "resolve_relations"]
