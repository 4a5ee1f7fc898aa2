"""The one Markdown reader of opsbook: structure of source bodies, on markdown-it-py (CommonMark).

Every kind that needs the structure of a Markdown body (headings, fenced and indented code, list
items, links, front matter) asks this module; no other module scans Markdown by hand, so they all
agree on where a fence ends (a ``` fence holding a `~~~` line is one fence, as CommonMark says).

Tokens carry source lines (`token.map`), so results name lines and rewrites happen at exact source
positions: bodies stay Markdown text, rendered later by the site's Python-Markdown.

`safe_body` is the rule for free Markdown bodies from contributors: raw HTML is shown as text, link
and image targets with a scheme other than http, https or mailto become `#`, and attr_list groups
(`{: ... }`) that set anything but `#id` and `.class` are dropped. Where Python-Markdown could read
the code structure differently (an unclosed fence, a closing fence of another length, an indented
code block after a list), the body is rewritten so that both readers agree, or the part is treated
as text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from markupsafe import Markup

if TYPE_CHECKING:
    from markdown_it import MarkdownIt


@lru_cache(maxsize=1)
def _md() -> MarkdownIt:
    """CommonMark plus tables (the site renders tables; without the rule a table's `|---|` row could
    read as a setext underline). Only the block structure is needed (an inline token keeps its
    source in `content`): the inline rule, half of the parsing time, is off. Made on first use:
    `opsbook check` of a handbook whose bodies need no parse never imports markdown-it (30 ms)."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table").disable("inline")


_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_UNCLOSED = re.compile(r"\A---[ \t]*\n[A-Za-z_][\w-]*[ \t]*:")  # `---` then a `key:` line
SAFE_SCHEMES = ("http", "https", "mailto")


@dataclass(frozen=True)
class Heading:
    level: int
    text: str  # the heading's inline source, closing `#`s removed
    line: int  # 0-based line of the heading (of its first line for a setext heading)
    end: int  # the line after the heading (after the underline for setext)
    atx: bool  # `# Title` rather than an underlined (setext) heading


@dataclass(frozen=True)
class Fence:
    start: int  # 0-based line of the opening fence
    end: int  # the line after the closing fence (the body's end when unclosed)
    markup: str  # the opening fence: ``` or ~~~ (or longer)
    info: str
    closed: bool
    nested: bool  # inside a list item or block quote


@dataclass(frozen=True)
class ListItem:
    line: int  # 0-based line of the item's marker
    end: int  # the line after the item
    text: tuple[str, ...]  # the item's lines: marker removed, continuation lines dedented


@dataclass(frozen=True)
class Link:
    kind: Literal["inline", "definition"]  # `[text](target)` / `![alt](target)`, or `[label]: target`
    line: int  # 0-based line where the target starts
    start: int  # offsets of the target in the text
    end: int
    target: str
    text: str = ""  # the link's text (an image's alt; a definition's label)
    image: bool = False
    span: tuple[int, int] = (0, 0)  # offsets of the whole link: `[` (or `!`) to `)`


@dataclass(frozen=True)
class Block:
    kind: str  # markdown-it's token type: paragraph_open, fence, code_block, bullet_list_open, ...
    start: int
    end: int
    markup: str
    content: str  # a fence's or code block's code


@dataclass(frozen=True)
class Doc:
    """A parsed body: top-level headings, list items, fences and code lines, in source order."""

    text: str
    lines: tuple[str, ...]
    headings: tuple[Heading, ...]
    fences: tuple[Fence, ...]
    code: tuple[tuple[int, int], ...]  # [start, end) line ranges of fenced and indented code
    nested_code: tuple[tuple[int, int], ...]  # indented code inside a list item or block quote
    items: tuple[ListItem, ...]  # items of top-level lists
    blocks: tuple[Block, ...]  # the top-level blocks


@lru_cache(maxsize=2048)
def parse(text: str) -> Doc:
    """The structure of a Markdown body. Cached: bodies are immutable and asked about several times
    per build (title, sections, links, rendering), so each distinct text is parsed once."""
    lines = tuple(text.split("\n"))
    # CommonMark also breaks lines at a lone CR; read it as a space so token lines match `lines`.
    tokens = _md().parse(text.replace("\r", " "))
    blocks: list[Block] = []
    headings: list[Heading] = []
    fences: list[Fence] = []
    code: list[tuple[int, int]] = []
    nested_code: list[tuple[int, int]] = []
    items: list[ListItem] = []
    for index, tok in enumerate(tokens):
        if tok.map is None:
            continue
        start, end = tok.map
        if tok.level == 0 and tok.nesting >= 0:
            blocks.append(Block(tok.type, start, end, tok.markup, tok.content))
        if tok.type == "heading_open" and tok.level == 0:
            content = tokens[index + 1].content
            headings.append(Heading(int(tok.tag[1]), content.strip(), start, end, tok.markup.startswith("#")))
        elif tok.type == "fence":
            marker = re.escape(tok.markup[0])
            last = lines[end - 1].lstrip(" \t>") if end - 1 > start else ""
            closed = bool(re.match(rf"{marker}{{{len(tok.markup)},}}[ \t]*$", last))
            fences.append(Fence(start, end, tok.markup, tok.info.strip(), closed, tok.level > 0))
            code.append((start, end))
        elif tok.type == "code_block":
            code.append((start, end))
            if tok.level > 0:
                nested_code.append((start, end))
        elif tok.type == "list_item_open" and tok.level == 1:
            items.append(_item(lines, start, end))
    return Doc(
        text, lines, tuple(headings), tuple(fences), tuple(code), tuple(nested_code), tuple(items), tuple(blocks)
    )


_MARKER = re.compile(r"^\s{0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)")


def _item(lines: tuple[str, ...], start: int, end: int) -> ListItem:
    """An item's text: the first line after its marker, indented lines dedented by the marker's
    width (nested lists and fences keep their shape), lazy continuation lines as they are."""
    first = lines[start]
    marker = _MARKER.match(first)
    indent = marker.end() if marker else 0
    out = [first[indent:]]
    for line in lines[start + 1 : end]:
        spaces = len(line) - len(line.lstrip(" "))
        out.append(line[min(spaces, indent) :] if line.startswith((" ", "\t")) else line.strip())
    while len(out) > 1 and not out[-1].strip():
        out.pop()
    return ListItem(start, end, tuple(out))


# ---- front matter --------------------------------------------------------------------------


def split_front(text: str) -> tuple[str | None, str, int]:
    """(front matter YAML or None, body, 1-based line of the body's first line): a `---` line at the
    very top opens the front matter, the next `---` (or `...`) line closes it."""
    match = _FRONT.match(text)
    if not match:
        return None, text, 1
    return match.group(1) or "", text[match.end() :], text[: match.end()].count("\n") + 1


def unclosed_front(text: str) -> bool:
    """A `---` first line followed by a `key:` line but no closing `---`: front matter left open
    (its fields would silently become body text)."""
    return split_front(text)[0] is None and bool(_UNCLOSED.match(text))


# ---- headings ------------------------------------------------------------------------------


def headings(text: str) -> tuple[Heading, ...]:
    """Top-level headings (ATX and setext) outside code, in order."""
    return parse(text).headings


def first_h1(text: str) -> str | None:
    """The text of the first level-1 heading anywhere in the body."""
    return next((h.text for h in parse(text).headings if h.level == 1), None)


# An ATX level-1 heading line as CommonMark reads it: at most 3 spaces (a tab indents to code), one
# `#`, then a space, a tab or the line's end.
_ATX_H1 = re.compile(r" {0,3}#(?:[ \t]|$)")


def split_h1(body: str) -> tuple[str | None, str]:
    """The body's `# Title` when it is the first thing in it, and the body without it.

    Only the first non-blank line is read, not the whole body (a title is asked for every item at
    load; a full parse of each body was half of `opsbook check`). This gives what the full parse
    gives: the lines before it are blank, or (blank to `str.strip` only, e.g. a no-break space)
    paragraph or indented-code lines, which an ATX heading always ends, so that line is a top-level
    heading exactly when it looks like one. Its text is read by markdown-it from that line alone (a
    heading is one line). tests/core/test_markdown_fast.py holds this against the full parse."""
    lines = body.split("\n")
    first = next((n for n, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return None, body
    line = lines[first].replace("\r", " ")  # as `parse` reads a lone CR
    if not _ATX_H1.match(line):
        return None, body
    heading = _heading_text(line)
    return heading, "\n".join(lines[first + 1 :]).lstrip("\n")


def _heading_text(line: str) -> str:
    """The text of the ATX heading `line` (closing `#`s removed), as markdown-it reads it."""
    tokens = _md().parse(line)
    assert tokens[0].type == "heading_open", line  # the caller matched _ATX_H1
    return tokens[1].content.strip()


def section(text: str, names: tuple[str, ...], clean: Callable[[str], str]) -> tuple[Heading, str] | None:
    """The first section (any level) whose cleaned heading is one of `names`, and its text up to the
    next heading of the same or a higher level."""
    doc = parse(text)
    for i, heading in enumerate(doc.headings):
        if clean(heading.text) in names:
            end = next((h.line for h in doc.headings[i + 1 :] if h.level <= heading.level), len(doc.lines))
            return heading, "\n".join(doc.lines[heading.end : end])
    return None


def demote(text: str, levels: int) -> str:
    """Every ATX heading `levels` deeper, at most to h6: a body's `# Timeline` becomes a sub-section of
    the page that shows it. Setext headings and code are left alone."""
    doc = parse(text)
    lines = list(doc.lines)
    for h in doc.headings:
        deeper = min(levels, 6 - h.level)
        if h.atx and deeper > 0:
            line = lines[h.line]
            at = line.index("#")
            lines[h.line] = line[:at] + "#" * deeper + line[at:]
    return "\n".join(lines)


# ---- code and comments ---------------------------------------------------------------------


def _regions(doc: Doc) -> Iterator[tuple[bool, int, int]]:
    """(is_code, start, end) line ranges covering the whole body."""
    at = 0
    for start, end in sorted(doc.code):
        if start < at:
            continue
        if start > at:
            yield False, at, start
        yield True, start, end
        at = end
    if at < len(doc.lines):
        yield False, at, len(doc.lines)


def lines_outside_code(text: str) -> Iterator[tuple[int, str]]:
    """(index, line) of every line that is not in a code block."""
    doc = parse(text)
    for is_code, start, end in _regions(doc):
        if not is_code:
            yield from ((n, doc.lines[n]) for n in range(start, end))


_COMMENT = re.compile(r"<!--.*?-->", re.S)


def strip_comments(text: str) -> str:
    """HTML comments outside code removed (they are invisible in the original); a comment that
    spans lines leaves its line breaks, so later line numbers stay right."""
    doc = parse(text)
    chunks = []
    for is_code, start, end in _regions(doc):
        chunk = "\n".join(doc.lines[start:end])
        chunks.append(chunk if is_code else _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), chunk))
    return "\n".join(chunks)


def prose(text: str) -> str:
    """The text a reader reads: code blocks and HTML comments left out, links as their text."""
    doc = parse(text)
    kept = "\n".join("\n".join(doc.lines[s:e]) for is_code, s, e in _regions(doc) if not is_code)
    kept = _COMMENT.sub(" ", kept)
    return re.sub(r"\]\([^)]*\)", "]", kept)


# ---- inline text: code spans, links ----------------------------------------------------------

# Python-Markdown's code span rule (its inline pattern of highest priority): a backtick run closed by
# a run of the same length; an even number of backslashes before a run is literal.
_BACKTICK = re.compile(r"(?:(?<!\\)((?:\\{2})+)(?=`+)|(?<!\\)(`+)(.+?)(?<!`)\2(?!`))")
_LOOSE_TICK = re.compile(r"(?<!\\)`")


def _offsets(doc: Doc) -> list[int]:
    offsets = [0]
    for line in doc.lines:
        offsets.append(offsets[-1] + len(line) + 1)
    return offsets


def _text_spans(doc: Doc, code_lines: frozenset[int]) -> Iterator[tuple[int, int]]:
    """[start, end) offsets of the body's text outside code blocks and code spans, neighbours that
    touch across a line break merged (a link may span lines).

    A code span counts only when it closes on its own line: where a backtick run stays open, the
    renderer might pair it with one on a later line, so the rest of the paragraph is treated as text
    (never as code), whichever way it pairs.
    """
    offsets = _offsets(doc)
    current: tuple[int, int] | None = None
    loose = False  # an unpaired backtick earlier in this paragraph

    def spans(n: int, line: str) -> Iterator[tuple[int, int]]:
        nonlocal loose
        base = offsets[n]
        if loose or not line.strip():
            loose = loose and bool(line.strip())
            yield base, base + len(line)
            return
        if "`" not in line:  # most lines: no code span, no loose backtick (what the scan below finds)
            yield base, base + len(line)
            return
        at = 0
        for m in _BACKTICK.finditer(line):
            if m.group(2) is not None:
                yield base + at, base + m.start()
                at = m.end()
        loose = bool(_LOOSE_TICK.search(line, at))
        yield base + at, base + len(line)

    for n, line in enumerate(doc.lines):
        if n in code_lines:
            loose = False
            continue
        for start, end in spans(n, line):
            if current is not None and start == offsets[n] and current[1] == start - 1:
                current = (current[0], end)
                continue
            if current is not None:
                yield current
            current = (start, end)
    if current is not None:
        yield current


def _code_lines(doc: Doc, trusted: bool) -> frozenset[int]:
    """Lines of code blocks; `trusted`: only those Python-Markdown surely reads as code too (top-level
    ones, and nested fences closed by their own fence with every line indented like it)."""
    ranges = list(doc.code)
    if trusted:
        ranges = [(f.start, f.end) for f in doc.fences if not f.nested or _plain_nested(doc, f)]
        ranges += [r for r in doc.code if r not in doc.nested_code and all(f.start != r[0] for f in doc.fences)]
    return frozenset(n for start, end in ranges for n in range(start, end))


def _plain_nested(doc: Doc, fence: Fence) -> bool:
    opening = doc.lines[fence.start]
    prefix = opening[: opening.index(fence.markup)]
    pad = re.sub(r"[^ >]", " ", prefix)  # `- ```` -> the item's indentation
    inner = doc.lines[fence.start + 1 : fence.end]
    return (
        fence.closed
        and inner[-1].rstrip() in (pad + fence.markup, prefix + fence.markup)
        and all(line.startswith(pad) or not line.strip(" >") for line in inner)
    )


_INLINE_OPEN = re.compile(r"\]\(")
# `[label]: target` at a line's start (also inside a quote or list item); the target may be on the next line.
_DEFINITION = re.compile(
    r"^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?\[(?:[^\[\]\\\n]|\\.)+\]:[ \t]*(?:\n[ \t>]*)?(?P<target>\S+)", re.M
)


def _close_paren(text: str, at: int) -> int | None:
    """Index of the `)` closing a link destination that starts at `at` (nested parentheses count;
    a blank line ends the search)."""
    depth = 0
    i = at
    while i < len(text):
        c = text[i]
        if c == "\\":
            i += 2
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            if depth == 0:
                return i
            depth -= 1
        elif c == "\n" and not text[i + 1 :].split("\n", 1)[0].strip():
            return None
        i += 1
    return None


def _open_bracket(text: str, close: int) -> int | None:
    """Index of the `[` that the `]` at `close` closes (nested brackets count; escaped ones not)."""
    depth = 0
    for i in range(close - 1, -1, -1):
        c = text[i]
        if i > 0 and text[i - 1] == "\\":
            continue
        if c == "]":
            depth += 1
        elif c == "[":
            if depth == 0:
                return i
            depth -= 1
    return None


def links(text: str) -> tuple[Link, ...]:
    """Link and image targets outside code: inline `[text](target "title")` (the target only) and
    reference definitions `[label]: target`, in source order."""
    return _links(text, False)


@lru_cache(maxsize=1024)
def _links(text: str, trusted: bool) -> tuple[Link, ...]:
    doc = parse(text)
    code_lines = _code_lines(doc, trusted)
    found: list[Link] = []
    # Definitions are read before code spans (Python-Markdown takes them out of the block first).
    for m in _DEFINITION.finditer(text):
        line = text.count("\n", 0, m.start("target"))
        if line not in code_lines:
            label = m.group(0)[m.group(0).index("[") + 1 : m.group(0).index("]:")]
            span = (m.start(), m.end("target"))
            found.append(
                Link("definition", line, m.start("target"), m.end("target"), m.group("target"), label, span=span)
            )
    for start, end in _text_spans(doc, code_lines):
        segment = text[start:end]
        for m in _INLINE_OPEN.finditer(segment):
            close = _close_paren(segment, m.end())
            opening = _open_bracket(segment, m.start())
            if close is None or opening is None:
                continue
            image = opening > 0 and segment[opening - 1] == "!" and segment[opening - 2 : opening - 1] != "\\"
            span = (start + opening - int(image), start + close + 1)
            label = segment[opening + 1 : m.start()]
            inner = segment[m.end() : close]
            t_start = start + m.end() + len(inner) - len(inner.lstrip())
            if inner.lstrip().startswith("<") and ">" in inner:
                t_end = text.index(">", t_start) + 1
            else:
                t_end = t_start + len(inner.split()[0]) if inner.strip() else t_start
            line = text.count("\n", 0, t_start)
            found.append(Link("inline", line, t_start, t_end, text[t_start:t_end], label, image, span))
    return tuple(sorted(found, key=lambda link: link.start))


def without_links(text: str) -> str:
    """The text with every inline link and image replaced by its text (an image by its alt)."""
    out, at = [], 0
    for link in links(text):
        if link.kind == "inline" and link.span[0] >= at:
            out += [text[at : link.span[0]], link.text]
            at = link.span[1]
    return "".join(out) + text[at:]


def scheme_allowed(url: str) -> bool:
    """True for http, https, mailto and relative targets, as a browser would read the URL: entities
    decoded, tabs, line breaks and control characters ignored."""
    plain = html.unescape(url).strip().lstrip("<")
    plain = re.sub(r"[\x00-\x20\x7f\\]", "", plain)
    m = re.match(r"([A-Za-z][A-Za-z0-9+.\-]*):", plain)
    return m is None or m.group(1).lower() in SAFE_SCHEMES


def replace_links(text: str, fix: Callable[[Link], str | None]) -> str:
    """The text with each link target replaced by `fix(link)` (None keeps it)."""
    out, at = [], 0
    for link in links(text):
        new = fix(link)
        if new is None or link.start < at:
            continue
        out += [text[at : link.start], new]
        at = link.end
    return "".join(out) + text[at:]


# ---- free bodies ---------------------------------------------------------------------------

_FAKE_FENCE = re.compile(r"^([ \t>]*)(`{3,}|~{3,})", re.M)
_TAG_START = re.compile(r"<(?=[A-Za-z!/?])(?!https?://|mailto:)")
# attr_list: `{: #id .class key=value }`; Python-Markdown applies it after a block or inline element.
_ATTRS = re.compile(r"(?<!\\)\{:?([^{}\n]*)\}")
_ATTR_TOKEN = re.compile(r"""[^ =}]+="[^"]*"|[^ =}]+='[^']*'|[^ =}]+=[^ =}]+|[^ =}\s]+""")


def _allowed_attrs(content: str) -> bool:
    tokens = _ATTR_TOKEN.findall(content)
    rest = _ATTR_TOKEN.sub("", content).strip()
    return not rest and all(re.fullmatch(r"[#.][\w-]+", t) for t in tokens)


def safe_body(text: str) -> Markup:
    """Markdown from a contributor's file made safe to render: see the module's docstring."""
    text = _agreeing_code(text.replace("\r\n", "\n").replace("\r", "\n"))  # Python-Markdown's line breaks
    # 1. Link and image targets (inline and definitions) with another scheme become `#`; an inline
    #    link's whole destination goes, so no title or rest of a split URL is left to a renderer.
    out: list[str] = []
    at = 0
    for link in _links(text, True):
        if link.start < at or scheme_allowed(link.target):
            continue
        close = _close_paren(text, link.start) if link.kind == "inline" else None
        out += [text[at : link.start], "#"]
        at = close if close is not None else link.end
    text = "".join(out) + text[at:]
    # 2. Outside code: attr_list groups that set more than ids and classes dropped, raw HTML as text,
    #    and a fence-like line that CommonMark does not read as a fence (in raw HTML, a nested fence
    #    that may read differently) escaped: opening a fence for Python-Markdown, it would swallow
    #    the next real fence and turn that fence's code into live text.
    doc = parse(text)
    out, at = [], 0
    for start, end in _text_spans(doc, _code_lines(doc, True)):
        segment = text[start:end]
        # Each rule only where its first character occurs: most segments are plain prose.
        if "{" in segment:
            segment = _ATTRS.sub(lambda m: m.group(0) if _allowed_attrs(m.group(1)) else "", segment)
        if "<" in segment:
            segment = _TAG_START.sub("&lt;", segment)
        if "``" in segment or "~~" in segment:
            segment = _FAKE_FENCE.sub(r"\1\\\2", segment)
        out += [text[at:start], segment]
        at = end
    return Markup("".join(out) + text[at:])


def _agreeing_code(text: str) -> str:
    """The body with its top-level code in a form Python-Markdown (with superfences) reads as
    CommonMark does: a fence unindented and closed by its own opening fence (an unclosed one is
    closed at the end), an indented code block right after a list as a fence. Nested code that may
    read differently is treated as text by the caller."""
    doc = parse(text)
    if not doc.code:
        return text
    edits: list[tuple[int, int, list[str]]] = []
    previous = ""
    for block in doc.blocks:
        start, end = block.start, block.end
        lines = list(doc.lines[start:end])
        body = block.content.split("\n")[:-1]
        if block.kind == "fence":
            plain = lines[0] == lines[0].lstrip(" ") and lines[-1].rstrip() == block.markup and lines[1:-1] == body
            if not (plain and len(lines) >= 2):
                edits.append((start, end, [lines[0].lstrip(" "), *body, block.markup]))
        elif block.kind == "code_block" and previous in ("bullet_list_open", "ordered_list_open"):
            longest = max((len(m) for b in body for m in re.findall(r"`{3,}", b)), default=2)
            fence = "`" * (longest + 1)
            edits.append((start, end, [fence, *body, fence]))
        previous = block.kind
    lines = list(doc.lines)
    for start, end, new in reversed(edits):
        lines[start:end] = new
    return "\n".join(lines)
