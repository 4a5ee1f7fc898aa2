"""Raw HTML blocks kept out of Markdown conversion: marked by templates, cut, restored, read by search."""

from __future__ import annotations

import markdown as python_markdown

from opsbook import islands
from opsbook.render import Renderer

PAGE = '# T\n\n{open}<table>\n<tr><td id="row-1">a &amp; b</td></tr>\n</table>\n{close}\nAfter.\n'


def _marked() -> str:
    return PAGE.format(open=islands.OPEN, close=islands.CLOSE)


def test_unmarked_is_the_page_as_written() -> None:
    assert islands.unmarked(_marked()) == PAGE.format(open="", close="")


def test_cut_and_restore_round_trip_through_python_markdown() -> None:
    text, blocks = islands.cut(_marked())
    assert blocks == ('<table>\n<tr><td id="row-1">a &amp; b</td></tr>\n</table>\n',)
    assert "<table>" not in text and "<!--opsbook-island 0-->" in text
    html = islands.restore(python_markdown.markdown(text), blocks)
    assert '<table>\n<tr><td id="row-1">a &amp; b</td></tr>\n</table>' in html
    assert "opsbook-island" not in html and "<p>After.</p>" in html
    assert islands.anchors(blocks) == {"row-1"}


def test_a_mark_without_the_process_token_is_not_a_block() -> None:
    """A source file cannot forge a mark: it does not know the token, so nothing of it is cut."""
    forged = "```\n<!--opsbook-html 0-->\n<script>alert(1)</script>\n<!--/opsbook-html 0-->\n```\n"
    text, blocks = islands.cut(forged)
    assert (text, blocks) == (forged, ())
    assert len(islands.OPEN) > 30  # a token of 24 hex digits


def test_a_placeholder_in_a_source_is_escaped_text_after_conversion() -> None:
    """Placeholders carry no token: after conversion a source's `<!--` is text, never a comment."""
    html = python_markdown.markdown("```\n<!--opsbook-island 0-->\n```\n", extensions=["fenced_code"])
    assert islands.restore(html, ("<script>x</script>",)) == html


def test_templates_mark_blocks_with_call_html() -> None:
    r = Renderer()
    env = r.env.from_string("a\n\n{% call html() %}\n<b>{{ x }}</b>\n{% endcall %}\nb\n")
    out = env.render(x="<i>")
    assert out == f"a\n\n{islands.OPEN}<b>&lt;i&gt;</b>\n{islands.CLOSE}b\n"


def test_search_reads_the_blocks_as_text() -> None:
    text, blocks = islands.cut(_marked())
    html = islands.restore(python_markdown.markdown(text), blocks)
    searched = islands.for_search(html, blocks)
    assert "<table>" not in searched and "<p>a &amp; b</p>" in searched and "<p>After.</p>" in searched
