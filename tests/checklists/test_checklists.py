"""Checklists: loading, item ids for the reader's ticks, automated items, problems, pages, builds."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import mkdocs_build
from opsbook.build import load_handbook, render_pages
from opsbook.settings import Settings
from opsbook.slugs import slug

SLO = """\
services:
  api:
    owner: platform-pod
    slos: [{sli: availability, objective: 99.9}]
  web:
    slos: [{sli: availability, objective: 99}]
"""

CHECKLIST = """\
title: Definition of done
audience: Engineers
description: Before you ask for **review**.
sections:
  - title: Tests
    items:
      - Unit tests cover it
      - text: Unit tests cover it
      - text: Docs updated
        id: docs
        link: docs/index.md
  - title: From the data
    items:
      - {text: Every service has an owner, check: owner}
      - {text: The API has an owner, check: owner, service: api}
"""


def load(make_site: Callable[..., Path], files: dict[str, str]) -> tuple[object, list[str]]:
    root = make_site({"ops/slo.yml": SLO, **files})
    hb = load_handbook(Settings(root=root))
    return hb, [str(p) for p in hb.problems]


def test_slug_is_short_readable_and_stable() -> None:
    assert slug("Tests, docs & security checks") == "tests-docs-security-checks"
    assert slug("!!!") == "item"
    assert len(slug("word " * 40)) <= 48


# Item keys are readers' localStorage keys (slugs.py): what the slug of these texts was, it stays,
# accents dropped rather than folded and a first word too long for the key giving the fallback.
FROZEN_KEYS = {
    "Tests, docs & security checks": "tests-docs-security-checks",
    "Café au lait — Überprüfung": "caf-au-lait-berpr-fung",
    "On-call: 24/7 (P1) ready?": "on-call-24-7-p1-ready",
    "x" * 48 + " tail": "item",
    "ab " * 30: "ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab",
    "": "item",
    "incidents/2026-q1 review": "incidents-2026-q1-review",
    "ÉCOLE Straße naïve": "cole-stra-e-na-ve",
}


@pytest.mark.parametrize(("text", "key"), FROZEN_KEYS.items())
def test_checklist_item_keys_never_change(text: str, key: str) -> None:
    assert slug(text) == key


def test_items_sections_keys_and_results(make_site: Callable[..., Path]) -> None:
    hb, problems = load(make_site, {"ops/checklists/definition-of-done.yml": CHECKLIST})
    assert problems == []
    (c,) = hb.checklists  # type: ignore[attr-defined]
    assert c.id == "definition-of-done" and c.page == "checklists/definition-of-done.md"
    assert [s.title for s in c.sections] == ["Tests", "From the data"]
    assert [i.key for i in c.items] == [
        "unit-tests-cover-it",
        "unit-tests-cover-it-2",
        "docs",
        "every-service-has-an-owner",
        "the-api-has-an-owner",
    ]
    assert c.items[2].link == "index.md"
    every, api = c.automated
    assert every.result.outcome == "fail" and "web" in every.result.detail  # web has no owner
    assert api.result.outcome == "pass" and api.service == "api"
    assert [i.key for i in c.manual] == ["unit-tests-cover-it", "unit-tests-cover-it-2", "docs"]


def test_checklist_page_has_persistent_checkboxes_and_results(make_site: Callable[..., Path]) -> None:
    root = make_site({"ops/slo.yml": SLO, "ops/checklists/definition-of-done.yml": CHECKLIST})
    pages, _ = render_pages(load_handbook(Settings(root=root)))
    page = next(p for p in pages if p.path == "checklists/definition-of-done.md")
    body = page.body
    assert '<div class="opsbook-checklist" data-checklist="definition-of-done" markdown>' in body
    assert 'data-item="docs"' in body and 'id="ck-definition-of-done-docs"' in body
    assert '<span class="opsbook-badge opsbook-badge--bad">fail</span> Every service has an owner' in body
    assert "[Home](../index.md)" in body  # the link of an item goes to the page, relative
    assert page.source == "ops/checklists/definition-of-done.yml" and "checklist" in page.tags
    index = next(p for p in pages if p.path == "checklists/index.md")
    assert "[Definition of done](definition-of-done.md) | Engineers | 5 | 1 of 2 pass |" in index.body


def test_text_from_the_source_is_escaped(make_site: Callable[..., Path]) -> None:
    root = make_site({"ops/checklists/x.yml": "title: X\nitems: ['<script>alert(1)</script> and `<b>`']\n"})
    pages, _ = render_pages(load_handbook(Settings(root=root)))
    body = next(p for p in pages if p.path == "checklists/x.md").body
    # An item is a one-line field: plain text, its backticks shown, never a code span or HTML.
    assert "<script>" not in body and "&lt;script&gt;alert(1)&lt;/script&gt; and &#96;&lt;b&gt;&#96;" in body


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("title: X\nitems:\n  - {text: A, check: nope}\n", "x.yml:3: check 'nope' is not a known check"),
        (
            "title: X\nitems:\n  - {text: A, check: roadmap-dri, service: api}\n",
            "x.yml:3: check 'roadmap-dri' is about the organisation, not one service; remove `service`",
        ),
        ("title: X\nitems:\n  - {text: A, check: owner, service: nope}\n", "x.yml:3: service 'nope' is not a service"),
        (
            "title: X\nitems:\n  - {text: A, service: api}\n",
            "x.yml:3: `service` only applies to an item with a `check`",
        ),
        ("title: X\nitems:\n  - {text: A, link: ops/nowhere.md}\n", "x.yml:3: link 'ops/nowhere.md' names no file"),
        ("title: X\nitems:\n  - {text: A, link: ../etc/passwd}\n", "names no file in this repository"),
        ("title: X\nitems:\n  - {text: A, link: pyproject.toml}\n", "x.yml:3: link 'pyproject.toml' has no page"),
        (
            "title: X\nitems:\n  - {text: A, id: a}\n  - {text: B, id: a}\n",
            "x.yml:4: item id 'a' is already used on line 3",
        ),
        ("title: X\nitems:\n  - {text: A, id: Not An Id}\n", "x.yml:3: items.0.id: 'Not An Id' is not allowed"),
        ("title: X\nitems:\n  - {txt: A}\n", "x.yml:3: items.0: 'text' is a required property"),
        ("items: [A]\n", "x.yml:1: 'title' is a required property"),
        ("title: X\n", "x.yml:1: a checklist needs `items` or `sections` of items"),
        ("title: X\nitems: [A\n", "YAML syntax error"),
        ("- A\n", "x.yml:1: a checklist is a mapping"),
    ],
)
def test_bad_checklists(make_site: Callable[..., Path], text: str, message: str) -> None:
    (tmp := make_site({"ops/slo.yml": SLO, "pyproject.toml": "", "ops/checklists/x.yml": text}))
    hb = load_handbook(Settings(root=tmp))
    problems = [str(p) for p in hb.problems]
    assert any(message in p for p in problems), problems


def test_a_bad_item_leaves_the_others(make_site: Callable[..., Path]) -> None:
    text = "title: X\nitems:\n  - {text: A, check: nope}\n  - B\n  - {text: C, check: owner}\n"
    hb, problems = load(make_site, {"ops/checklists/x.yml": text, "ops/checklists/y.yml": "title: [broken\n"})
    assert len(problems) == 2
    (c,) = hb.checklists  # type: ignore[attr-defined]
    assert [i.text for i in c.items] == ["B", "C"]


def test_strict_build_with_checklists_and_ops_json(make_site: Callable[..., Path], tmp_path: Path) -> None:
    root = make_site({"ops/slo.yml": SLO, "ops/checklists/definition-of-done.yml": CHECKLIST})
    site = mkdocs_build(root, strict=True, site_dir=tmp_path / "out")
    html = (site / "checklists" / "definition-of-done" / "index.html").read_text("utf-8")
    assert 'data-item="unit-tests-cover-it-2"' in html and 'href="../../"' in html
    data = json.loads((site / "ops.json").read_text("utf-8"))
    (c,) = data["checklists"]
    assert c["url"] == "checklists/definition-of-done/"
    items = [i for s in c["sections"] for i in s["items"]]
    result = items[3]["result"]
    assert result["outcome"] == "fail" and result["evidence"][0]["url"] == "services/web/"
    assert items[2]["link"] == ""  # docs/index.md is the home page: the site root


@pytest.mark.warnings_expected
def test_a_bad_checklist_fails_a_strict_build(make_site: Callable[..., Path], tmp_path: Path) -> None:
    from mkdocs.exceptions import Abort

    root = make_site({"ops/checklists/x.yml": textwrap.dedent("title: X\nitems: [{text: A, check: nope}]\n")})
    with pytest.raises(Abort):
        mkdocs_build(root, strict=True, site_dir=tmp_path / "out")
