"""A generated page: where it goes, its front matter, its Markdown and the source it came from."""

from __future__ import annotations

import html
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import yaml

from .islands import cut, unmarked

if TYPE_CHECKING:
    from .render import Renderer
    from .reuse import Reuse
    from .sourced import Sourced

# What the generated pages need from Python-Markdown: the plugin adds any missing ones to the site's
# config, and `opsbook export` writes them into the exported mkdocs.yml. Collapsible blocks are
# `<details markdown>` (md_in_html), not pymdownx.details, whose import costs a build 1.5 MiB.
MARKDOWN_EXTENSIONS = (
    "tables",
    "attr_list",
    "md_in_html",
    "admonition",
    "def_list",
    "pymdownx.tasklist",
)


# libyaml's emitter writes the same front matter as the pure-Python one (checked over every page of
# the example and the 1,000-incident bench), about three times faster; pure Python where it is missing.
_DUMPER: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


@dataclass(frozen=True)
class GeneratedPage:
    """One page of the handbook produced from data."""

    path: str  # site path of the Markdown page, e.g. "services/api.md"
    body: str  # Markdown rendered from a template
    title: str
    tags: tuple[str, ...] = ()
    source: str | None = None  # source data file relative to the handbook root (edit link)
    in_nav: bool = False  # item pages stay out of the nav; section indexes are in it
    meta: dict[str, Any] = field(default_factory=dict)
    # The page shows a source file that lives in docs/ (a decision record in docs/adr): it takes that
    # file's place instead of giving way to it, so the record has one page at its old URL.
    replaces_source: bool = False
    # Only for a site without a page of its own at this path (the generated home): no note when dropped.
    fallback: bool = False

    def markdown(self) -> str:
        """Front matter + body, raw HTML blocks in place (`islands`)."""
        return self._front() + unmarked(self.body)

    def markdown_and_blocks(self) -> tuple[str, tuple[str, ...]]:
        """Front matter + body with placeholders for its raw HTML blocks, and the blocks (`islands`)."""
        body, blocks = cut(self.body)
        return self._front() + body, blocks

    def _front(self) -> str:
        """The front matter. `render_macros: false`: text from the sources is never a macro."""
        # Themes print the front-matter title and tags unescaped (Material's <title>, the nav, the tag
        # chips and the tags page, none of them read as Markdown): they are plain text, so escape them.
        title = html.escape(self.title, quote=False)
        front: dict[str, Any] = {"title": title, "render_macros": False, **self.meta}
        if self.tags:
            front["tags"] = [html.escape(" ".join(t.split())) for t in self.tags]
        if self.source:
            front["opsbook_source"] = self.source
        return "---\n" + yaml.dump(front, Dumper=_DUMPER, sort_keys=True, allow_unicode=True) + "---\n\n"


def page_texts(
    pages: list[GeneratedPage], reuse: Reuse | None = None
) -> Iterator[tuple[GeneratedPage, str, tuple[str, ...]]]:
    """Each page with its `markdown_and_blocks()` (serving, `reuse`: an unchanged page's of the
    previous rebuild), in order. Each page is taken out of `pages` as it goes, so its rendered text is
    let go once cut: the site's Markdown is never held twice over (a build's peak memory)."""
    pages.reverse()
    while pages:
        page = pages.pop()
        if reuse is None:
            markdown, blocks = page.markdown_and_blocks()
        else:
            markdown, blocks = reuse.get("page-text", page.path, page, page.markdown_and_blocks)
        yield page, markdown, blocks


def item_page(
    r: Renderer,
    item: Sourced,
    template: str,
    tags: Iterable[str],
    values: Mapping[str, Any],
    replaces_source: bool = False,
) -> GeneratedPage:
    """The page of one item: `template` rendered with `values` at the item's page, under its title,
    with its source file for the edit link; out of the nav (the kind's index lists it)."""
    body = r.render(template, item.page, **values)
    return GeneratedPage(item.page, body, item.title, tuple(tags), item.file, replaces_source=replaces_source)


@dataclass(frozen=True)
class GeneratedAsset:
    """A non-page file at the site root, e.g. ops.json or cadence.ics."""

    path: str
    content: bytes
