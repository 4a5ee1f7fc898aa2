"""Unit tests of each foreign format's parser and of the Markdown helpers they share."""

from __future__ import annotations

import textwrap

from opsbook.decisions import log4brains, madr, nygard
from opsbook.decisions.mdtext import (
    clean_title,
    demote,
    is_placeholder_title,
    number_from_name,
    strip_comments,
    title_from_name,
    title_heading,
)
from opsbook.problems import ProblemLog
from opsbook.yamlio import split_front_matter


def md(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


# --- Nygard / adr-tools -------------------------------------------------------------------------

ADR_TOOLS = md("""
    # 10. Terraform directory structure

    Date: 2017-07-04

    ## Status

    Accepted

    Amended by [17. Terraform Data Structure](0017-terraform-data-structure.md)

    ## Context

    Body text.
    """)


def test_nygard_adr_tools_record() -> None:
    assert nygard.looks_like(ADR_TOOLS)
    p = nygard.parse(ADR_TOOLS, body_line=1)
    assert (p.title, p.number, p.status.status, p.date_text, p.date_line) == (
        "Terraform directory structure",
        10,
        "accepted",
        "2017-07-04",
        3,
    )
    assert p.status_line == 7
    [(ref, line)] = p.relations
    assert (ref.kind, ref.target, line) == ("amended_by", "0017-terraform-data-structure.md", 7)
    # Title and date are shown by the page's card, not twice in the body; the status section stays.
    assert not p.body.startswith("# ") and "Date:" not in p.body and "## Status" in p.body


def test_nygard_status_after_context_and_no_date() -> None:
    text = md("""
        # Architecture Decision Record: Use ADRs

        ## Context

        Why.

        ## Status

        PROPOSED

        ## Consequences
        """)
    p = nygard.parse(text, body_line=1)
    assert (p.title, p.number, p.status.status, p.status.raw, p.date_text) == (
        "Use ADRs",
        None,
        "proposed",
        "PROPOSED",
        None,
    )


def test_nygard_whitespace_only_lines() -> None:
    text = "# 3. Networking Outline\n \nDate: 2017-06-30\n \n## Status\n \nPartly superseded\n \n## Context\n"
    p = nygard.parse(text, body_line=1)
    assert (p.number, p.date_text, p.status.status, p.status.kind) == (
        3,
        "2017-06-30",
        "accepted",
        "mapped",
    )


def test_nygard_superseded_by_link() -> None:
    text = "# 4. DNS\n\nDate: 2017-07-14\n\n## Status\n\nSuperseded by [DNS](0015-dns-infrastructure.md)\n"
    p = nygard.parse(text, body_line=1)
    assert p.status.status == "superseded"
    assert p.relations[0][0].target == "0015-dns-infrastructure.md"


# --- log4brains / MADR 2 -----------------------------------------------------------------------

LOG4BRAINS = md("""
    # First ADR

    - Status: superseded by [20201029-superseder](20201029-superseder.md)
    - Deciders: John Doe, Foo bar
    - Date: 2020-01-01
    - Tags: foo, bar

    Technical Story: lorem ipsum

    ## Context and Problem Statement

    - Status: not metadata, this bullet is in a section

    ## Links

    - Supersedes [20191201-old](20191201-old.md)
    """)


def test_log4brains_bullets() -> None:
    assert log4brains.looks_like(LOG4BRAINS)
    p = log4brains.parse(LOG4BRAINS, body_line=1)
    assert p.title == "First ADR"
    assert (p.status.status, p.status_line, p.date_text, p.date_line) == ("superseded", 3, "2020-01-01", 5)
    assert p.deciders == ("John Doe", "Foo bar")
    assert p.tags == ("foo", "bar")
    kinds = [(ref.kind, ref.target) for ref, _ in p.relations]
    assert kinds == [("superseded_by", "20201029-superseder.md"), ("supersedes", "20191201-old.md")]
    assert "- Status: superseded" not in p.body and "Technical Story" in p.body
    assert "- Status: not metadata" in p.body


def test_log4brains_without_title_or_status() -> None:
    text = "- Deciders: John Doe\n- Date: 2020-01-02\n\n## Context\n\nx\n"
    p = log4brains.parse(text, body_line=1)
    assert (p.title, p.status.status, p.date_text) == (None, None, "2020-01-02")


def test_log4brains_intro_before_bullets() -> None:
    text = "# ADR with intro\n\nThis is an introduction paragraph.\n\n- Status: accepted\n- Date: 2020-01-02\n"
    p = log4brains.parse(text, body_line=1)
    assert (p.title, p.status.status) == ("ADR with intro", "accepted")
    assert "introduction paragraph" in p.body


# --- MADR ---------------------------------------------------------------------------------------


def _front(text: str) -> tuple:  # type: ignore[type-arg]
    log = ProblemLog()
    result = split_front_matter(md(text), "x.md", log)
    assert not log.items
    return result


def test_madr_front_matter() -> None:
    front, body, line = _front("""
        ---
        status: "Accepted; supersedes ADR-0002"
        date: 2024-10-16
        decision-makers: [Oliver, Olaf]
        consulted: Jane
        ---
        # Use "Confirmation" as Heading

        ## Context and Problem Statement
        """)
    assert madr.looks_like(front, body)
    p = madr.parse(front, body, line)
    assert (p.title, p.status.status, p.date_text, p.status_line, p.date_line) == (
        'Use "Confirmation" as Heading',
        "accepted",
        "2024-10-16",
        2,
        3,
    )
    assert p.deciders == ("Oliver", "Olaf") and p.consulted == ("Jane",)
    assert [r.text for r, _ in p.relations] == ["ADR-0002"]


def test_madr_jekyll_front_matter_without_status() -> None:
    front, body, line = _front("""
        ---
        parent: Decisions
        nav_order: 3
        status: on hold
        ---
        # Write Own MADR Tooling
        """)
    p = madr.parse(front, body, line)
    assert (p.title, p.status.status, p.status.kind, p.date_text) == (
        "Write Own MADR Tooling",
        "proposed",
        "mapped",
        None,
    )


def test_madr_without_front_matter_is_recognised_by_its_sections() -> None:
    front, body, _ = _front("# Use MADR\n\n## Context and Problem Statement\n\nx\n\n## Considered Options\n")
    assert madr.looks_like(front, body)
    assert not madr.looks_like(front, "# Notes\n\nJust notes.\n")


def test_madr_empty_keys_of_a_bare_template() -> None:
    front, body, line = _front("---\nstatus:\ndate: \ndecision-makers: \n---\n\n# Title\n")
    p = madr.parse(front, body, line)
    assert (p.status.status, p.date_text, p.deciders) == (None, None, ())


# --- Markdown helpers ---------------------------------------------------------------------------


def test_clean_title_strips_numbers_and_prefixes() -> None:
    assert clean_title("12. Security Groups in Terraform") == ("Security Groups in Terraform", 12)
    assert clean_title("ADR-012: Foo") == ("Foo", 12)
    assert clean_title("Architecture Decision Record: Use ADRs") == ("Use ADRs", None)
    assert clean_title("ADR link resolver in the domain") == ("ADR link resolver in the domain", None)
    assert clean_title("2022 plans") == ("2022 plans", None)


def test_title_and_number_from_name() -> None:
    assert title_from_name("20201028-adr-with-no-metadata-no-title") == "Adr with no metadata no title"
    assert title_from_name("2022-11-09-api-refactoring") == "Api refactoring"
    assert number_from_name("0012-x") == 12 and number_from_name("adr-012-x") == 12
    assert number_from_name("20201028-x") is None and number_from_name("2022-02-03-x") is None


def test_placeholder_titles() -> None:
    for title in ("{short title of solved problem}", "[short title]", "", "<!-- short title -->"):
        assert is_placeholder_title(title)
    assert not is_placeholder_title("Use Markdown")


def test_title_heading_ignores_code_and_later_sections() -> None:
    assert title_heading("```sh\n# not a title\n```\n\n# Real\n") is not None
    assert title_heading("## Decision\n\n# Too late\n") is None
    heading = title_heading("Setext title\n============\n\ntext\n")
    assert heading is not None and heading.text == "Setext title"


def test_strip_comments_keeps_code_and_line_count() -> None:
    text = "a <!-- x --> b\n<!-- multi\nline -->\n```\n<!-- code -->\n```\n"
    out = strip_comments(text)
    assert out.split("\n")[0] == "a  b"
    assert "<!-- code -->" in out and "multi" not in out
    assert out.count("\n") == text.count("\n")


def test_demote() -> None:
    assert demote("# Decision\n\n```\n# code\n```\n## Why", 2) == "### Decision\n\n```\n# code\n```\n#### Why"
