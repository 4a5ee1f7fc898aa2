"""Relative links inside Markdown copied from a source file onto a generated page.

A runbook or ROADMAP.md links to other files by their path in the repository; on the site the
target is a generated page somewhere else (or nowhere). `rewrite_links` re-targets each relative
link: to the page of a known source file, or, when no page exists, to plain text, so a strict build
never fails on a link the handbook cannot follow. Hugo `ref`/`relref` shortcodes become plain links
first (real runbook repositories are often Hugo sites).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable

from . import markdown
from .render import link

_HUGO_REF = re.compile(r"\{\{[<%]\s*(?:rel)?ref\s+\"?([^\"\s>%]+)\"?\s*[>%]\}\}")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def hugo_refs(text: str) -> str:
    """`{{< ref "./Other.md" >}}` -> `./Other.md`."""
    return _HUGO_REF.sub(lambda m: m.group(1), text)


def rewrite_links(text: str, source: str, page: str, resolve: Callable[[str], str | None]) -> str:
    """Re-target relative links of Markdown from repository file `source` shown at site `page`.

    `resolve(repo_path)` returns the site path of the page (or file) for a repository path, or None.
    Inline links, images and reference definitions (`[label]: file.md`) are re-targeted; links with
    a scheme, absolute links and anchors stay as they are; code is left alone (`opsbook.markdown`
    knows where code is).
    """
    base = posixpath.dirname(source)
    out: list[str] = []
    at = 0
    for found in markdown.links(text):
        target = found.target.strip("<>")
        if not target or target.startswith(("/", "#")) or _SCHEME.match(target) or not markdown.scheme_allowed(target):
            continue  # a scheme (also one spelt with entities or tabs: rendering neutralises it)
        path, _, fragment = target.partition("#")
        site = resolve(posixpath.normpath(posixpath.join(base, path)))
        new = link(page, site) + (f"#{fragment}" if fragment else "") if site is not None else None
        if new is None and found.kind == "inline":
            # Nothing on the site to link to: keep the words, drop the link (an image keeps its alt).
            out += [text[at : found.span[0]], found.text]
            at = found.span[1]
        else:
            out += [text[at : found.start], new or "#"]  # a definition must keep a target
            at = found.end
    return "".join(out) + text[at:]
