"""Raw HTML blocks of generated pages, kept out of Markdown conversion in a plugin build.

The structural parts of generated pages (an incident's facts and timeline, the incident log's rows)
are raw HTML. Python-Markdown passes raw HTML through, but finds its end by running an HTML parser
over every tag, twice (MkDocs' anchor collector and md_in_html): most of the conversion time of a
thousand-incident handbook. So a template wraps such a block in `{% call html() %}`, which marks it,
and the plugin (`cut`) swaps each marked block for a one-line placeholder before conversion and puts
it back into the converted page (`restore`). The Markdown around it (headings, bodies) is converted
as before; the placeholder is an HTML comment, so the converted page has it where the block stood.

Everything else sees the page without marks (`unmarked`): `opsbook export`, golden files, macros.

The mark holds a token drawn once per process: a source file cannot write it, so no text from the
sources (a fenced code block in a postmortem, say) can make the plugin take it for a block and put it
into the page unconverted. The placeholder needs no token: after conversion every `<` from the
sources is escaped or was refused as raw HTML, so only the plugin's own placeholders are comments.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable

from markupsafe import Markup

_TOKEN = secrets.token_hex(12)
OPEN = f"<!--opsbook-html {_TOKEN}-->\n"
CLOSE = f"<!--/opsbook-html {_TOKEN}-->\n"
_MARKED = re.compile(re.escape(OPEN) + r"(.*?)" + re.escape(CLOSE), re.S)
_PLACEHOLDER = re.compile(r"<!--opsbook-island (\d+)-->")
_ID = re.compile(r'\sid="([^"<>]+)"')
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")


def html(caller: Callable[[], str]) -> Markup:
    """The template global behind `{% call html() %}...{% endcall %}`: the block, marked."""
    return Markup("".join((OPEN, str(caller()), CLOSE)))  # str + Markup would escape the str


def unmarked(text: str) -> str:
    """The page as Markdown with its raw HTML blocks in place: what every reader but the plugin sees."""
    return text.replace(OPEN, "").replace(CLOSE, "") if OPEN in text else text


def cut(text: str) -> tuple[str, tuple[str, ...]]:
    """The page with each marked block replaced by a placeholder, and the blocks in order."""
    blocks: list[str] = []

    def placeholder(m: re.Match[str]) -> str:
        blocks.append(m.group(1))
        return f"<!--opsbook-island {len(blocks) - 1}-->\n"

    return _MARKED.sub(placeholder, text), tuple(blocks)


def restore(html_text: str, blocks: tuple[str, ...]) -> str:
    """The converted page with each placeholder replaced by its block (unknown numbers stay)."""
    if not blocks:
        return html_text

    def block(m: re.Match[str]) -> str:
        n = int(m.group(1))
        return blocks[n].rstrip("\n") if n < len(blocks) else m.group(0)

    return _PLACEHOLDER.sub(block, html_text)


def anchors(blocks: tuple[str, ...]) -> set[str]:
    """The `id`s the blocks define: MkDocs collects anchors while converting, and these were not there."""
    return {m.group(1) for b in blocks for m in _ID.finditer(b)}


def for_search(html_text: str, blocks: tuple[str, ...]) -> str:
    """The converted page with each block as its text only: what a search plugin indexes of it.

    A search plugin parses the page's HTML tag by tag; the blocks' structure (a facts card, a table of
    a thousand rows) is most of the tags and none of the words, so it reads their words as one
    paragraph each. Only our own blocks are stripped: their values are escaped, so every `<` is a tag."""
    for block in blocks:
        text = _SPACE.sub(" ", _TAG.sub(" ", block)).strip()
        html_text = html_text.replace(block.rstrip("\n"), f"<p>{text}</p>", 1)
    return html_text
