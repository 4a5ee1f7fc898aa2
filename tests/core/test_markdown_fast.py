"""Fast paths of opsbook.markdown give exactly what the full CommonMark parse gives.

`split_h1` reads only a body's first non-blank line; the reference below is its former definition
over the full parse (`markdown.parse`). Any body where the two differ fails here.
"""

from __future__ import annotations

import random

import pytest

from opsbook import markdown as md


def full_split_h1(body: str) -> tuple[str | None, str]:
    """split_h1 by the full parse: the first top-level heading, if it is on the first non-blank line
    and is an ATX level-1 heading."""
    doc = md.parse(body)
    first = next((n for n, line in enumerate(doc.lines) if line.strip()), None)
    h1 = next((h for h in doc.headings if h.line == first), None)
    if first is None or h1 is None or h1.level != 1 or not h1.atx:
        return None, body
    return h1.text, "\n".join(doc.lines[h1.end :]).lstrip("\n")


TRICKY = [
    "",
    "\n\n",
    "# Title\n\nBody\n",
    "\n\n# Title\n## Next\n",
    "   # Three spaces\n",
    "    # Four spaces: code\n",
    "\t# Tab: code\n",
    " \t# Space and tab: code\n",
    "#\n",
    "#\r\nText\n",
    "# Title\r\nText\r\n",
    "#\tTab title\n",
    "#NoSpace\n",
    "## Two\n",
    "####### Seven\n",
    "# Closing hashes ##\n",
    "# Closing hashes ##   \n",
    "# Not closing#\n",
    "# \\# escaped #\n",
    "# #\n",
    "# # #\n",
    "#    spaced    \n",
    "```\n# not a title\n```\n# Title\n",
    "~~~\n# not a title\n~~~\n",
    "Setext title\n============\n",
    "Setext two\n---\n# After\n",
    "<div>\n# inside html\n</div>\n",
    "<!--\n# in a comment\n-->\n# After\n",
    "---\ntitle: front matter\n---\n# Title\n",
    "---\n# After a rule\n",
    "> # Quoted\n",
    "- # In a list\n",
    "1. # In a list\n",
    "\u00a0\n# After a no-break space line\n",
    "\u2003\n\u00a0\n# After wide spaces\n",
    "    \u00a0\n# After indented no-break space\n",
    "\x0c\n# After a form feed\n",
    "\u00a0# No-break space before\n",
    "\ufeff# Byte order mark\n",
    "\r\n# After a CR line\n",
    "\r# Lone CR before\n",
    "# Title\rStill the line\n",
    "# Title\x00with nul\n",
    "| # | b |\n|---|---|\n",
    "# Title\n|---|---|\n",
    "# Title [link](x.md) *em* `code`\n",
    "# Ünïcödé title\n",
    "   #\n",
    "#  \n\n\nBody after blank lines\n\n",
]


@pytest.mark.parametrize("body", TRICKY)
def test_split_h1_reads_the_title_as_the_full_parse_does(body: str) -> None:
    assert md.split_h1(body) == full_split_h1(body)


PIECES = [
    "",
    " ",
    "\t",
    "\r",
    "\u00a0",
    "    \u00a0",
    "# T",
    "#",
    "# T #",
    "#\tT",
    "#T",
    " # T",
    "    # T",
    "\t# T",
    "## T",
    "```",
    "~~~",
    "> # q",
    "- # l",
    "<div>",
    "</div>",
    "<!--",
    "-->",
    "---",
    "===",
    "text",
    "| a |",
    "|---|",
    "    code",
]


def test_split_h1_agrees_with_the_full_parse_on_random_bodies() -> None:
    rng = random.Random(15)
    for _ in range(3000):
        body = "\n".join(rng.choice(PIECES) for _ in range(rng.randint(0, 6)))
        assert md.split_h1(body) == full_split_h1(body), repr(body)


# ---- safe_body: the prose fast paths -----------------------------------------------------------


def scanning_text_spans(doc: md.Doc, code_lines: frozenset[int]) -> list[tuple[int, int]]:
    """`_text_spans` as it was before its fast path: every line scanned for code spans."""
    offsets = md._offsets(doc)
    out: list[tuple[int, int]] = []
    loose = False
    for n, line in enumerate(doc.lines):
        if n in code_lines:
            loose = False
            continue
        base, pieces = offsets[n], []
        if loose or not line.strip():
            loose = loose and bool(line.strip())
            pieces.append((base, base + len(line)))
        else:
            at = 0
            for m in md._BACKTICK.finditer(line):
                if m.group(2) is not None:
                    pieces.append((base + at, base + m.start()))
                    at = m.end()
            loose = bool(md._LOOSE_TICK.search(line, at))
            pieces.append((base + at, base + len(line)))
        for start, end in pieces:
            if out and start == offsets[n] and out[-1][1] == start - 1:
                out[-1] = (out[-1][0], end)
            else:
                out.append((start, end))
    return out


def rules_everywhere(text: str) -> str:
    """Step 2 of `safe_body` as it was before its fast paths: every rule run on every segment."""
    doc = md.parse(text)
    out, at = [], 0
    for start, end in scanning_text_spans(doc, md._code_lines(doc, True)):
        segment = md._ATTRS.sub(lambda m: m.group(0) if md._allowed_attrs(m.group(1)) else "", text[start:end])
        segment = md._FAKE_FENCE.sub(r"\1\\\2", md._TAG_START.sub("&lt;", segment))
        out += [text[at:start], segment]
        at = end
    return "".join(out) + text[at:]


BODY_PIECES = [
    "",
    "prose with words",
    "`code`",
    "``dbl ` tick``",
    "a ` loose tick",
    "\\`escaped`",
    "<b>raw</b>",
    "<script>x</script>",
    "{: .cls }",
    '{: onclick="x" }',
    "```",
    "~~~",
    "    ```",
    "> ```",
    "- item `x",
    "    indented code <b>",
    "[a](javascript:x)",
    "text {#id} more",
    "~~strike~~",
    "``",
]


def test_safe_body_fast_paths_change_nothing() -> None:
    rng = random.Random(515)
    for _ in range(3000):
        body = "\n".join(" ".join(rng.choice(BODY_PIECES) for _ in range(rng.randint(1, 3))) for _ in range(6))
        text = md._agreeing_code(body)
        doc = md.parse(text)
        assert list(md._text_spans(doc, md._code_lines(doc, True))) == scanning_text_spans(
            doc, md._code_lines(doc, True)
        ), repr(body)
        if not md._links(text, True):  # step 1 (links) did nothing: the result is step 2 alone
            assert str(md.safe_body(body)) == rules_everywhere(text), repr(body)
