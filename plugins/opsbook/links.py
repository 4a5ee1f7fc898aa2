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

from .render import link

# [text](target "title") and ![alt](target); the target has no spaces or is wrapped in <>.
_LINK = re.compile(r"(?P<bang>!?)\[(?P<text>[^\]\n]*)\]\((?P<target><[^>\n]*>|[^)\s]+)(?P<title>\s+\"[^\"\n]*\")?\)")
_HUGO_REF = re.compile(r"\{\{[<%]\s*(?:rel)?ref\s+\"?([^\"\s>%]+)\"?\s*[>%]\}\}")
_FENCE = re.compile(r"^\s*(```|~~~)")


def hugo_refs(text: str) -> str:
    """`{{< ref "./Other.md" >}}` -> `./Other.md`."""
    return _HUGO_REF.sub(lambda m: m.group(1), text)


def rewrite_links(text: str, source: str, page: str, resolve: Callable[[str], str | None]) -> str:
    """Re-target relative links of Markdown from repository file `source` shown at site `page`.

    `resolve(repo_path)` returns the site path of the page (or file) for a repository path, or None.
    Links with a scheme, absolute links and anchors stay as they are; code is left alone.
    """
    base = posixpath.dirname(source)
    out: list[str] = []
    fenced = False

    def fix(match: re.Match[str]) -> str:
        target = match.group("target").strip("<>")
        if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", target) or target.startswith(("/", "#")):
            return match.group(0)
        path, _, fragment = target.partition("#")
        repo_path = posixpath.normpath(posixpath.join(base, path))
        site = resolve(repo_path)
        if site is None:
            # Nothing on the site to link to: keep the words, drop the link (an image keeps its alt).
            return match.group("text")
        new = link(page, site) + (f"#{fragment}" if fragment else "")
        return f"{match.group('bang')}[{match.group('text')}]({new}{match.group('title') or ''})"

    for line in text.split("\n"):
        if _FENCE.match(line):
            fenced = not fenced
        if fenced or _FENCE.match(line):
            out.append(line)
            continue
        parts = re.split(r"(`+[^`]*`+)", line)
        out.append("".join(p if p.startswith("`") else _LINK.sub(fix, p) for p in parts))
    return "\n".join(out)
