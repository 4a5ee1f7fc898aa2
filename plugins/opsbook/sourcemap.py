"""Which handbook page shows a source file, for reading lists and checklist links.

Items that know their own page (an incident, a runbook, a decision) are looked up by the file they
came from; the other sources follow the handbook's layout: `docs/foo.md` -> `foo.md`,
`ops/runbooks/api.md` -> `runbooks/api.md`, `ROADMAP.md` -> `roadmap.md`.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .markdown import first_h1
from .problems import ProblemLog
from .sources import read_text
from .yamlio import load_yaml, split_front_matter

if TYPE_CHECKING:
    from .handbook import Handbook


def normalise(path: str) -> str:
    """A path as written in a source, made comparable: forward slashes, no `./`, no trailing slash."""
    text = path.strip().replace("\\", "/")
    return posixpath.normpath(text) if text else ""


def _item_pages(hb: Handbook) -> dict[str, tuple[str, str]]:
    """source file -> (page, title) for every item that has a page of its own."""
    pages = {normalise(item.file): (item.page, item.title or "") for item in hb.sourced_items()}
    if hb.roadmap is not None:
        pages[normalise(hb.roadmap.file)] = (hb.roadmap.page, "Roadmap")
    return pages


def page_for(hb: Handbook, path: str, items: dict[str, tuple[str, str]] | None = None) -> tuple[str, str] | None:
    """(site page path, title or "") of the page that shows source `path`, or None when none does."""
    s = hb.settings
    path = normalise(path)
    found = (items if items is not None else _item_pages(hb)).get(path)
    if found is not None:
        return found
    docs = normalise(s.docs_dir)
    if path.startswith(docs + "/") and path.endswith(".md"):
        return path[len(docs) + 1 :], ""
    for kind in hb.kinds:
        if kind.index is not None and path == normalise(kind.paths(s)[0]):
            return kind.index
    for kind in hb.kinds:
        if kind.section is None:
            continue
        for folder in map(normalise, kind.paths(s)):
            if path.startswith(folder + "/") and "/" not in path[len(folder) + 1 :]:
                stem = posixpath.splitext(posixpath.basename(path))[0]
                return f"{kind.section}/{stem}.md", ""
    return None


def resolver(hb: Handbook) -> Any:
    """`page_for` with the item index built once, for many look-ups in one build."""
    items = _item_pages(hb)
    return lambda path: page_for(hb, path, items)


def source_title(root: Path, path: str) -> str:
    """A readable title of a source file: its front matter `title`, its first H1, or its name."""
    scratch = ProblemLog()  # the file's own problems are reported where it is loaded
    text = read_text(root / path, path, scratch, root) or ""
    if path.endswith((".yml", ".yaml")):
        data = load_yaml(text, path, scratch)
        title = data.get("title") if isinstance(data, dict) else None
        return str(title) if isinstance(title, str) else posixpath.basename(path)
    if not path.endswith(".md"):
        return posixpath.basename(path)
    front, body, _ = split_front_matter(text, path, scratch)
    if isinstance(front.get("title"), str):
        return str(front["title"])
    return first_h1(body) or posixpath.basename(path)


def page_of_file(hb: Handbook) -> Callable[[str], str | None]:
    """A source file -> the page showing it, when the file exists (links of runbooks, roadmap)."""
    find = resolver(hb)

    def resolve(path: str) -> str | None:
        hit = find(path)
        return hit[0] if hit is not None and hb.settings.path(path).is_file() else None

    return resolve
