"""Onboarding: reading lists per role from ops/onboarding.yml and page front matter, the plan."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import mkdocs_build
from opsbook.build import load_handbook, render_pages
from opsbook.onboarding.load import count_words, role_lists
from opsbook.onboarding.model import ReadingItem, reading_minutes
from opsbook.settings import Settings

RUNBOOK = "---\nlast_reviewed: 2026-11-01\n---\n# API runbook\n\n## Pager\nx\n## Playbooks\ny\n## Rollback\nz\n"
ONBOARDING = """\
reading:
  - {path: ROADMAP.md, order: 1, week: 1, roles: [all], why: Know what we work on}
  - {path: ops/runbooks/api.md, order: 2, week: 1, roles: [engineer, sre], why: You will be paged}
  - {path: docs/long.md, order: 1, week: 2, roles: [sre]}
plan:
  "90": [Lead an RFC]
  "30": [Ship a small change, {text: Join on-call, check: oncall-rotation}]
first_week: [Access to repos and CI, {text: Read the roadmap, link: ROADMAP.md}]
"""
FILES = {
    "ops/slo.yml": "services:\n  api:\n    slos: [{sli: availability, objective: 99.9}]\n",
    "ops/runbooks/api.md": RUNBOOK,
    "ROADMAP.md": "# Roadmap\n\n## Now\n\n- Ship it. DRI: @alice\n",
    "ops/onboarding.yml": ONBOARDING,
    "docs/long.md": "# A long read\n\n" + "word " * 450 + "\n\n```\ncode is not read\n```\n",
    "docs/practices/hello.md": "---\nonboarding: {order: 0, week: 1, roles: [engineer], why: Hi}\n---\n"
    "# Hello\n\nFirst page to read.\n",
}


def test_reading_minutes_round_up() -> None:
    assert [reading_minutes(n) for n in (0, 1, 200, 201, 450)] == [1, 1, 1, 2, 3]


def test_count_words_skips_code_comments_and_link_targets() -> None:
    text = "Read [the runbook](https://x.example/a/b/c) now.\n\n```\nnot counted\n```\n<!-- nor this -->\n"
    assert count_words(text) == 4


def test_reading_list_per_role(make_site: Callable[..., Path]) -> None:
    hb = load_handbook(Settings(root=make_site(FILES)))
    assert [str(p) for p in hb.problems] == []
    ob = hb.onboarding
    assert ob is not None
    lists = {rl.role: [(i.week, i.path) for i in rl.items] for rl in ob.roles}
    assert lists == {
        "engineer": [(1, "docs/practices/hello.md"), (1, "ROADMAP.md"), (1, "ops/runbooks/api.md")],
        "sre": [(1, "ROADMAP.md"), (1, "ops/runbooks/api.md"), (2, "docs/long.md")],
    }
    by_path = {i.path: i for i in ob.reading}
    assert by_path["ROADMAP.md"].page == "roadmap.md"
    assert by_path["ops/runbooks/api.md"].page == "runbooks/api.md"
    assert by_path["ops/runbooks/api.md"].title == "API runbook"
    assert by_path["docs/practices/hello.md"].page == "practices/hello.md"
    assert by_path["docs/practices/hello.md"].declared_in == "docs/practices/hello.md"
    assert by_path["docs/long.md"].title == "A long read"
    assert by_path["docs/long.md"].words == 453 and by_path["docs/long.md"].minutes == 3
    assert [(s.days, [i.text for i in s.items]) for s in ob.plan] == [
        (30, ["Ship a small change", "Join on-call"]),
        (90, ["Lead an RFC"]),
    ]
    # A personal goal with a check: the check runs for context, the newcomer still ticks it.
    on_call = ob.plan[0].items[1]
    assert on_call.result is not None and on_call.personal
    assert [i.key for i in ob.first_week] == ["access-to-repos-and-ci", "read-the-roadmap"]
    assert ob.first_week[1].link == "roadmap.md"


def test_all_alone_gives_one_list() -> None:
    item = ReadingItem("a.md", "A", "a.md", 1, 1, ("all",), "", 10, "ops/onboarding.yml")
    assert [rl.role for rl in role_lists((item,))] == ["all"]


def test_pages(make_site: Callable[..., Path]) -> None:
    pages, _ = render_pages(load_handbook(Settings(root=make_site(FILES))))
    by_path = {p.path: p for p in pages}
    index = by_path["onboarding/index.md"]
    assert index.in_nav and "| [sre](sre.md) | 3 | 5 min |" in index.body
    assert 'data-checklist="onboarding-first-week"' in index.body and "### By day 30" in index.body
    # The organisation having a rotation does not tick "Join on-call": it keeps its tick box.
    assert 'data-item="join-on-call"' in index.body and "Yours to tick. For context, `oncall-rotation`" in index.body
    sre = by_path["onboarding/sre.md"].body
    assert "## Week 1" in sre and "## Week 2" in sre
    assert "[API runbook](../runbooks/api.md)" in sre and "| You will be paged | 1 min |" in sre
    assert 'data-checklist="onboarding-reading-sre"' in sre and 'data-item="ops-runbooks-api-md"' in sre


@pytest.mark.parametrize(
    ("files", "message"),
    [
        (
            {"ops/onboarding.yml": "reading:\n  - {path: ops/nope.md, week: 1}\n"},
            "ops/onboarding.yml:2: reading list entry 'ops/nope.md' names no file",
        ),
        (
            {"ops/onboarding.yml": "reading:\n  - {path: pyproject.toml}\n", "pyproject.toml": ""},
            "ops/onboarding.yml:2: reading list entry 'pyproject.toml' has no page",
        ),
        ({"ops/onboarding.yml": "reading:\n  - {path: https://example.com}\n"}, "is a URL; name a file"),
        (
            {"ops/onboarding.yml": "reading:\n  - {path: docs/index.md}\n  - {path: ./docs/index.md}\n"},
            "ops/onboarding.yml:3: docs/index.md is already on the reading list (ops/onboarding.yml:2)",
        ),
        (
            {"ops/onboarding.yml": "reading:\n  - {path: docs/index.md, week: 0}\n"},
            "ops/onboarding.yml:2: reading.0.week: 0 is less than the minimum of 1",
        ),
        (
            {"ops/onboarding.yml": "reading:\n  - {path: docs/index.md, roles: [Engineers]}\n"},
            "reading.0.roles.0: 'Engineers' is not allowed",
        ),
        ({"ops/onboarding.yml": "plan:\n  thirty: [x]\n"}, "'thirty' is not allowed"),
        ({"ops/onboarding.yml": "first_week:\n  - {text: x, check: nope}\n"}, "ops/onboarding.yml:2: check 'nope'"),
        ({"ops/onboarding.yml": "reading: [\n"}, "YAML syntax error"),
        ({"ops/onboarding.yml": "- a\n"}, "ops/onboarding.yml:1: the onboarding file is a mapping"),
        ({"docs/x.md": "---\ntitle: X\nonboarding: {week: soon}\n---\n# X\n"}, "docs/x.md:3: week: 'soon' is not of"),
        ({"docs/x.md": "---\nonboarding: yes please\n---\n# X\n"}, "docs/x.md:2: onboarding: must be a mapping"),
    ],
)
def test_bad_onboarding(make_site: Callable[..., Path], files: dict[str, str], message: str) -> None:
    hb = load_handbook(Settings(root=make_site(files)))
    problems = [str(p) for p in hb.problems]
    assert any(message in p for p in problems), problems


def test_one_bad_entry_leaves_the_others(make_site: Callable[..., Path]) -> None:
    files = {"ops/onboarding.yml": "reading:\n  - {path: nope.md}\n  - {path: docs/index.md}\n"}
    hb = load_handbook(Settings(root=make_site(files)))
    assert len(hb.problems) == 1
    assert hb.onboarding is not None and [i.path for i in hb.onboarding.reading] == ["docs/index.md"]


def test_no_onboarding_without_sources(make_site: Callable[..., Path]) -> None:
    hb = load_handbook(Settings(root=make_site({})))
    assert hb.onboarding is None
    assert not any(p.path.startswith("onboarding/") for p in render_pages(hb)[0])


def test_strict_build_and_ops_json(make_site: Callable[..., Path], tmp_path: Path) -> None:
    site = mkdocs_build(make_site(FILES), strict=True, site_dir=tmp_path / "out")
    html = (site / "onboarding" / "engineer" / "index.html").read_text("utf-8")
    assert 'href="../../practices/hello/"' in html and 'href="../../runbooks/api/"' in html
    data = json.loads((site / "ops.json").read_text("utf-8"))["onboarding"]
    engineer = next(r for r in data["roles"] if r["role"] == "engineer")
    assert [i["url"] for i in engineer["reading"]] == ["practices/hello/", "roadmap/", "runbooks/api/"]
    assert list(data["plan"]) == ["30", "90"]
