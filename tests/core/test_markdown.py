"""The one Markdown reader (opsbook.markdown): structure with source lines, on markdown-it-py."""

from __future__ import annotations

from opsbook import markdown as md


def test_a_fence_holding_the_other_fence_char_stays_one_fence() -> None:
    text = "```\n~~~\n# not a heading\n```\n# Heading\n~~~ sh\n```\n## nor this\n~~~\n"
    doc = md.parse(text)
    assert [(f.start, f.end, f.markup, f.info, f.closed) for f in doc.fences] == [
        (0, 4, "```", "", True),
        (5, 9, "~~~", "sh", True),
    ]
    assert [(h.level, h.text, h.line) for h in doc.headings] == [(1, "Heading", 4)]


def test_an_unclosed_fence_runs_to_the_end() -> None:
    (fence,) = md.parse("text\n\n````\n```\n# no\n").fences
    assert (fence.start, fence.closed) == (2, False)
    assert md.headings("text\n\n````\n```\n# no\n") == ()


def test_indented_code_is_code() -> None:
    doc = md.parse("para\n\n    # not a heading\n    <b>\n\n# Real\n")
    assert doc.code == ((2, 4),)
    assert [h.text for h in doc.headings] == ["Real"]


def test_headings_with_levels_lines_and_kinds() -> None:
    text = "# Title #\n\nSetext\n======\n\n### Three ###\n\nTwo\n---\n\n> # quoted, not top-level\n"
    assert [(h.level, h.text, h.line, h.end, h.atx) for h in md.headings(text)] == [
        (1, "Title", 0, 1, True),
        (1, "Setext", 2, 4, False),
        (3, "Three", 5, 6, True),
        (2, "Two", 7, 9, False),
    ]


def test_split_h1_and_demote() -> None:
    assert md.split_h1("\n# API runbook\n\n## Steps\n") == ("API runbook", "## Steps\n")
    assert md.split_h1("Intro\n\n# Late title\n") == (None, "Intro\n\n# Late title\n")
    assert md.demote("# A\n```\n# code\n```\n###### Six\nB\n-\n", 1) == "## A\n```\n# code\n```\n###### Six\nB\n-\n"


def test_section_up_to_the_next_heading_of_its_level() -> None:
    text = "# T\n## Status\naccepted\n### detail\nx\n## Context\ny\n"
    heading, body = md.section(text, ("status",), str.lower) or (None, "")
    assert heading is not None and heading.line == 1
    assert body == "accepted\n### detail\nx"


def test_links_inline_images_and_reference_definitions_with_lines() -> None:
    text = (
        'See [a](a.md "t") and ![i](img/x.png) and `[no](code.md)`.\n'
        "```\n[no](fenced.md)\n```\n"
        "[ref][r] then [b](<b c.md>).\n\n"
        "[r]: ./runbooks/api.md#steps\n"
    )
    found = [(link.kind, link.line, link.target) for link in md.links(text)]
    assert found == [
        ("inline", 0, "a.md"),
        ("inline", 0, "img/x.png"),
        ("inline", 4, "<b c.md>"),
        ("definition", 6, "./runbooks/api.md#steps"),
    ]
    assert md.replace_links(text, lambda link: "X" if link.kind == "definition" else None).endswith("[r]: X\n")


def test_list_items_of_top_level_lists() -> None:
    text = "- one\n  more\n\n  ```\n  code\n  ```\n- two\nlazy\n\n1. three\n   - nested\n"
    items = md.parse(text).items
    assert [(i.line, i.text) for i in items] == [
        (0, ("one", "more", "", "```", "code", "```")),
        (6, ("two", "lazy")),
        (9, ("three", "- nested")),
    ]


def test_front_matter_boundaries() -> None:
    assert md.split_front("---\ntitle: x\n---\n# Body\n") == ("title: x\n", "# Body\n", 4)
    assert md.split_front("---\n---\nbody") == ("", "body", 3)
    assert md.split_front("# No front matter\n---\n") == (None, "# No front matter\n---\n", 1)


def test_strip_comments_and_prose_skip_code() -> None:
    text = "a <!-- hidden\nline --> b\n```\n<!-- kept -->\n```\n"
    assert md.strip_comments(text) == "a \n b\n```\n<!-- kept -->\n```\n"
    assert md.prose("Read [the runbook](https://x/a) now.\n\n```\nnot counted\n```\n").split() == [
        "Read",
        "[the",
        "runbook]",
        "now.",
    ]


def test_scheme_allowed_reads_urls_as_a_browser_does() -> None:
    assert md.scheme_allowed("https://x") and md.scheme_allowed("../a.md") and md.scheme_allowed("mailto:a@b")
    assert md.scheme_allowed("#frag") and md.scheme_allowed("page.md?x=a:b")
    for bad in ("javascript:x", " JAVASCRIPT:x", "java\tscript:x", "&#106;avascript:x", "<data:text/html,x>"):
        assert not md.scheme_allowed(bad), bad


def test_rewrite_links_reference_style_and_never_in_code() -> None:
    from opsbook.links import rewrite_links

    pages = {"ops/runbooks/api.md": "runbooks/api.md"}
    text = (
        "See [the runbook](api.md#steps), [gone](gone.md), [ref][r] and `[code](api.md)`.\n"
        "```\n~~~\n[fenced](api.md)\n```\n"
        "[r]: api.md\n[s]: gone.md\n"
    )
    out = rewrite_links(text, "ops/runbooks/db.md", "runbooks/db.md", pages.get)
    assert out == (
        "See [the runbook](api.md#steps), gone, [ref][r] and `[code](api.md)`.\n"
        "```\n~~~\n[fenced](api.md)\n```\n"
        "[r]: api.md\n[s]: #\n"
    )
    out = rewrite_links(text, "ops/runbooks/db.md", "incidents/INC-1.md", pages.get)
    assert "[the runbook](../runbooks/api.md#steps)" in out and "[r]: ../runbooks/api.md\n" in out
    assert "[fenced](api.md)" in out and "`[code](api.md)`" in out
