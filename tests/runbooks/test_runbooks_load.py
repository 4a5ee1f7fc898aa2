"""Loading runbooks: front matter checks, titles, pages, Hugo refs and links; bad input."""

from __future__ import annotations

import textwrap
from datetime import UTC, datetime
from pathlib import Path

import pytest

from opsbook.build import load_handbook
from opsbook.links import hugo_refs, rewrite_links
from opsbook.markdown import split_h1
from opsbook.runbooks.load import headings, page_for
from opsbook.settings import Settings

AS_OF = datetime(2026, 11, 28, tzinfo=UTC)

SLO = """\
services:
  api: {title: Public API, owner: alice, slos: [{sli: availability, objective: 99.9}]}
  web: {title: Web App, owner: alice, slos: [{sli: availability, objective: 99}]}
"""


def handbook(tmp_path: Path, files: dict[str, str]):  # type: ignore[no-untyped-def]
    for rel, text in {"ops/slo.yml": SLO, **files}.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), "utf-8")
    return load_handbook(Settings(root=tmp_path, as_of=AS_OF))


def test_a_service_runbook(tmp_path: Path) -> None:
    hb = handbook(
        tmp_path,
        {
            "ops/runbooks/api.md": """\
        ---
        owner: alice
        last_reviewed: 2026-11-01
        pager: https://pager.example/api
        ---
        # API runbook

        ## Pager
        See the [web runbook](web.md) and [SLOs](../slo.yml) and [a missing file](nowhere.md).
        ## Playbooks
        ```
        ## not a heading
        ```
        ## Rollback
        """,
            "ops/runbooks/web.md": "# Web\n## Pager\n## Playbooks\n## Rollback\n",
        },
    )
    # A link to a record that does not exist is a problem at its line (its words stay on the page).
    assert [(p.file, p.line, p.message.split(":")[0]) for p in hb.problems] == [
        ("ops/runbooks/api.md", 9, "link to nowhere.md")
    ]
    api = hb.runbook_by_service["api"]
    assert (api.title, api.heading, api.page, api.path) == (
        "API runbook",
        "API runbook",
        "runbooks/api.md",
        "ops/runbooks/api.md",
    )
    assert api.owner == "alice" and api.pager == "https://pager.example/api" and api.review_age_days == 27
    assert api.sections == ("Pager", "Playbooks", "Rollback") and api.missing_sections == ()
    assert "[web runbook](web.md)" in api.body
    assert "[SLOs](../services/index.md)" in api.body  # a source file -> the page that shows it
    assert "a missing file" in api.body and "nowhere.md" not in api.body  # no page: words, no link
    assert not api.stale
    assert [f.subject for f in hb.findings] == ["web"]  # web: never reviewed


def test_title_falls_back_to_the_service_title(tmp_path: Path) -> None:
    hb = handbook(tmp_path, {"ops/runbooks/web.md": "Just text.\n"})
    web = hb.runbook_by_service["web"]
    assert web.title == "Web App runbook" and web.heading == "Web App runbook"


def test_bad_front_matter(tmp_path: Path) -> None:
    hb = handbook(
        tmp_path,
        {
            "ops/team.yml": "people: [{handle: alice, name: Alice}]\n",
            "ops/runbooks/api.md": """\
            ---
            owner: mallory
            last_reviewed: 2026-02-30
            pager: javascript:alert(1)
            ---
            # API
            """,
            "ops/runbooks/web.md": """\
            ---
            service: webb
            last_reviewed: yesterday
            title: [not, a, string]
            ---
            # Web
            """,
            "ops/runbooks/ok.md": "---\n- a list\n---\n# Fine\n",
        },
    )
    problems = [str(p) for p in hb.problems]
    expected = [
        "ops/runbooks/api.md:2: runbook owner 'mallory' is not a person or pod in ops/team.yml",
        "ops/runbooks/api.md:3: last_reviewed: '2026-02-30' is not a real date",
        "ops/runbooks/api.md:4: pager: 'javascript:alert(1)' is not allowed; a link to the paging policy",
        "ops/runbooks/ok.md:2: front matter must be a mapping",
        "ops/runbooks/web.md:2: service 'webb' is not a service of ops/slo.yml; use one of: api, web",
        "ops/runbooks/web.md:3: last_reviewed: 'yesterday' is not allowed; the date of the last review",
        "ops/runbooks/web.md:4: title: ['not', 'a', 'string'] is not of type 'string'",
    ]
    assert len(problems) == len(expected), "\n".join(problems)
    for want, got in zip(expected, problems, strict=True):
        assert got.startswith(want), got
    # Every runbook is still a page; bad fields are simply absent.
    assert sorted(rb.path for rb in hb.runbooks) == ["ops/runbooks/api.md", "ops/runbooks/ok.md", "ops/runbooks/web.md"]
    api = next(rb for rb in hb.runbooks if rb.service == "api")
    assert api.pager is None and api.last_reviewed is None and api.stale


def test_service_from_front_matter(tmp_path: Path) -> None:
    hb = handbook(tmp_path, {"ops/runbooks/alerts/ApiDown.md": "---\nservice: api\n---\n# ApiDown\n"})
    assert hb.runbook_by_service["api"].page == "runbooks/alerts/ApiDown.md"


@pytest.mark.parametrize(
    "inner,page",
    [
        ("api.md", "runbooks/api.md"),
        ("node/Disk.md", "runbooks/node/Disk.md"),
        ("index.md", "runbooks/index-runbook.md"),
        ("sub/README.md", "runbooks/sub/README-runbook.md"),
        ("_index.md", "runbooks/_index.md"),
    ],
)
def test_page_for(inner: str, page: str) -> None:
    assert page_for(inner) == page


def test_split_h1_and_headings() -> None:
    assert split_h1("\n# Title #\n\ntext") == ("Title", "text")
    assert split_h1("text\n# Later") == (None, "text\n# Later")
    assert headings("## A\n~~~\n## B\n~~~\n### C ###\n#### D") == ("A", "C", "D")


def test_hugo_refs_and_link_rewriting() -> None:
    text = hugo_refs('See [x]({{< ref "./Other.md" >}}) and [y]({{< relref "../b/Y.md#z" >}}).')
    assert text == "See [x](./Other.md) and [y](../b/Y.md#z)."
    pages = {"ops/rb/a/Other.md": "runbooks/a/Other.md", "ops/rb/b/Y.md": "runbooks/b/Y.md"}
    out = rewrite_links(
        text + " [ext](https://e.x) [top](#t) [abs](/docs) `[c](Other.md)` ![img](pic.png)",
        "ops/rb/a/This.md",
        "runbooks/a/This.md",
        pages.get,
    )
    assert out == (
        "See [x](Other.md) and [y](../b/Y.md#z). [ext](https://e.x) [top](#t) [abs](/docs) `[c](Other.md)` img"
    )
