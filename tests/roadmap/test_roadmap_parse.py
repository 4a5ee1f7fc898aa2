"""ROADMAP.md: Now / Next / Later items, DRIs, references to RFCs and decisions, findings."""

from __future__ import annotations

import textwrap
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace

import pytest

from opsbook.build import load_handbook
from opsbook.problems import ProblemLog
from opsbook.roadmap.derive import link_roadmap, mentions, ref_index, roadmap_findings, roadmap_items_of
from opsbook.roadmap.load import dri_of, load_roadmap, parse_items, section_of, strip_dri
from opsbook.settings import Settings

AS_OF = datetime(2026, 11, 28, tzinfo=UTC)

ROADMAP = """\
# Our roadmap

Intro text with a list that is not an item:

- not an item

## Now (Q4 2026)

- **Rate limiting**: protect partners. DRI: @frank
  RFC: [the RFC](rfcs/2026-11-rate-limiting.md)
  - a sub-point
- Faster checkout (DRI: @grace)
continued on a lazy line

## Next

1. OpenSLO everywhere, as decided in 2026-0003 and not 2026-2027. DRI @dana.
2. Game day

```
- not an item in a fence
```

## Later

* Partner dashboards — DRI: @alice

## Done

- Old things. DRI: @bob
"""


def load(tmp_path: Path, text: str = ROADMAP, team: str | None = None):  # type: ignore[no-untyped-def]
    (tmp_path / "ROADMAP.md").write_text(textwrap.dedent(text), "utf-8")
    if team is not None:
        (tmp_path / "ops").mkdir(exist_ok=True)
        (tmp_path / "ops" / "team.yml").write_text(team, "utf-8")
    return load_handbook(Settings(root=tmp_path, as_of=AS_OF))


def test_sections_items_and_dris(tmp_path: Path) -> None:
    hb = load(tmp_path)
    assert hb.problems == ()
    rm = hb.roadmap
    assert rm is not None and rm.title == "Our roadmap"
    got = [(i.section, i.title, i.dri, i.line) for i in rm.items]
    assert got == [
        ("Now", "**Rate limiting**: protect partners.", "frank", 9),
        ("Now", "Faster checkout", "grace", 12),
        ("Next", "OpenSLO everywhere, as decided in 2026-0003 and not 2026-2027.", "dana", 17),
        ("Next", "Game day", None, 18),
        ("Later", "Partner dashboards", "alice", 26),
    ]
    # No such RFC file here: the link keeps its words and loses its target (no broken link).
    assert rm.items[0].text == "RFC: the RFC\n- a sub-point"
    assert rm.items[1].text == "continued on a lazy line"
    assert list(rm.by_dri()) == ["alice", "dana", "frank", "grace", None]
    assert roadmap_items_of(rm, "@dana") == (rm.items[2],)
    assert "Old things" in rm.text  # the hand-written text keeps everything


def test_item_without_dri_is_a_finding(tmp_path: Path) -> None:
    hb = load(tmp_path)
    assert hb.roadmap is not None
    found = roadmap_findings(hb.roadmap)
    assert [(f.kind, f.subject, f.url) for f in found] == [
        ("roadmap-item-without-dri", "ROADMAP.md:18", "roadmap.md#item-18")
    ]
    assert "Game day" in found[0].message
    assert found[0] in hb.findings


def test_unknown_dri_is_a_problem_once_a_team_exists(tmp_path: Path) -> None:
    hb = load(
        tmp_path,
        team="people: [{handle: frank, name: F}, {handle: grace, name: G}, {handle: alice, name: A, pod: web-pod}]\n",
    )
    assert [str(p) for p in hb.problems] == [
        "ROADMAP.md:17: DRI @dana is not a person in ops/team.yml; a DRI is one person's handle defined there"
    ]


def test_a_pod_is_no_dri(tmp_path: Path) -> None:
    hb = load(tmp_path, "## Now\n- X. DRI: @web-pod\n", team="people: [{handle: a, name: A, pod: web-pod}]\n")
    assert [p.line for p in hb.problems] == [2]


def test_a_roadmap_without_sections_is_a_problem(tmp_path: Path) -> None:
    hb = load(tmp_path, "# Roadmap\n\n- a\n- b\n")
    assert [str(p) for p in hb.problems] == [
        "ROADMAP.md: no `## Now`, `## Next` or `## Later` section; the roadmap is written as those three "
        "sections of list items, each naming its DRI as `DRI: @handle`"
    ]
    assert hb.roadmap is not None and hb.roadmap.items == ()


def test_front_matter_shifts_lines(tmp_path: Path) -> None:
    hb = load(tmp_path, "---\ntitle: x\n---\n## Now\n- A. DRI: @a\n")
    assert hb.roadmap is not None and hb.roadmap.items[0].line == 5


@pytest.mark.parametrize(
    "text,dri",
    [
        ("X. DRI: @frank", "frank"),
        ("X (DRI: @frank.lee)", "frank.lee"),
        ("X, dri @a-b.", "a-b"),
        ("X DRI=@z", "z"),
        ("X @frank", None),
        ("DRIVE: @x", None),
    ],
)
def test_dri_of(text: str, dri: str | None) -> None:
    assert dri_of(text) == dri


def test_strip_dri_and_section_of() -> None:
    assert strip_dri("**A**: b. DRI: @frank") == "**A**: b."
    assert strip_dri("A — DRI: @x") == "A"
    assert [section_of(h) for h in ("Now", "NOW: doing", "Next (Q1)", "Later", "Nowhere", "Done")] == [
        "Now",
        "Now",
        "Next",
        "Later",
        None,
        None,
    ]


def test_parse_items_ignores_other_sections_and_fences() -> None:
    items, found = parse_items("## Now\n- a\n```\n- b\n```\n## Other\n- c\n", 1)
    assert found == {"Now"} and [(s, line, lines[0]) for s, line, lines in items] == [("Now", 2, "a")]


def test_references_resolve_to_rfcs_and_decisions(tmp_path: Path) -> None:
    log = ProblemLog()
    (tmp_path / "ROADMAP.md").write_text(ROADMAP, "utf-8")
    roadmap = load_roadmap(Settings(root=tmp_path, as_of=AS_OF), log)
    assert roadmap is not None
    decisions = [
        SimpleNamespace(
            id="2026-0003",
            title="Adopt OpenSLO",
            page="decisions/2026-0003.md",
            file="ops/decisions/2026-0003-adopt-openslo.md",
        )
    ]
    rfcs = [
        SimpleNamespace(
            id="2026-11-rate-limiting",
            title="Rate limiting",
            page="rfcs/2026-11-rate-limiting.md",
            file="rfcs/2026-11-rate-limiting.md",
        )
    ]
    pages = {"rfcs/2026-11-rate-limiting.md": "rfcs/2026-11-rate-limiting.md"}
    linked = link_roadmap(roadmap, decisions, rfcs, pages.get)
    assert [[(r.kind, r.id) for r in i.refs] for i in linked.items] == [
        [("rfc", "2026-11-rate-limiting")],
        [],
        [("decision", "2026-0003")],
        [],
        [],
    ]
    assert "[the RFC](rfcs/2026-11-rate-limiting.md)" in linked.items[0].text  # from roadmap.md
    assert "[the RFC](../rfcs/2026-11-rate-limiting.md)" in linked.text  # from roadmap/as-written.md
    index = ref_index(decisions, rfcs)
    # A decision named by its file name, an RFC by its id; each reference once, in order of mention.
    text = "see ops/decisions/2026-0003-adopt-openslo.md, 2026-11-rate-limiting and 2026-0003 again"
    assert [r.id for r in mentions(text, index)] == ["2026-0003", "2026-11-rate-limiting"]


def test_items_keep_nested_lists_and_fences_and_end_at_a_blank_line() -> None:
    body = "## Now\n- A\n  - sub\n    - subsub\n\n  ```\n  code\n  ```\nNot part of A.\n- B\nlazy\n\nafter blank\n"
    items, _ = parse_items(body, 1)
    assert [(line, lines) for _, line, lines in items] == [
        (2, ["A", "- sub", "  - subsub", "", "```", "code", "```"]),
        (10, ["B", "lazy"]),
    ]


def test_a_dri_on_a_continuation_line(tmp_path: Path) -> None:
    hb = load(tmp_path, "## Next\n- **Follow the sun**, once the RFC\n  is decided. DRI: @judy\n")
    assert hb.roadmap is not None
    item = hb.roadmap.items[0]
    assert (item.title, item.text, item.dri) == ("**Follow the sun**, once the RFC", "is decided.", "judy")
