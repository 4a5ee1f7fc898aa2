"""Strict builds: the example handbook's decision log and RFCs, a site that reads a foreign ADR
folder inside docs/, and golden Markdown of the generated pages."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest

from conftest import CORPUS, REPO, assert_golden, mkdocs_build
from opsbook.build import load_handbook, render_pages
from opsbook.settings import Settings, as_of_from_env
from opsbook.validate import schema

GOLDEN = Path(__file__).with_name("golden")


@pytest.fixture(scope="module")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import os

    old = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = "1795852800"
    try:
        return mkdocs_build(REPO, strict=True, site_dir=tmp_path_factory.mktemp("decisions") / "site")
    finally:
        if old is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = old


def test_example_ops_json(example_site: Path) -> None:
    data = json.loads((example_site / "ops.json").read_text("utf-8"))
    jsonschema.validate(data, schema("ops"))
    decisions = {d["id"]: d for d in data["decisions"]}
    assert len(decisions) >= 8
    assert decisions["2025-0001"]["superseded_by"] == ["2025-0006"]
    assert decisions["2025-0006"]["superseded_by"] == ["2026-0003"]  # a supersedes chain
    assert decisions["2026-0003"]["supersedes"] == ["2025-0006"]
    assert decisions["2025-0004"]["status"] == "deprecated" and decisions["2025-0004"]["in_force"] is False
    assert decisions["2026-0001"]["rfcs"] == ["2026-01-blue-green-deployments"]
    assert all(d["source_format"] == "opsbook" for d in decisions.values())
    assert decisions["2025-0003"]["findings"][0]["kind"] == "decision-revisit-due"
    rfcs = {r["id"]: r for r in data["rfcs"]}
    assert len(rfcs) >= 4
    assert (
        rfcs["2026-11-strangler-fig-billing"]["review_state"],
        rfcs["2026-11-strangler-fig-billing"]["days_left"],
    ) == ("open", 6)
    assert rfcs["2026-10-follow-the-sun-on-call"]["review_state"] == "overdue"
    assert rfcs["2026-01-blue-green-deployments"]["decision"] == "2026-0001"
    kinds = {(f["kind"], f["subject"]) for f in data["findings"]}
    assert {("decision-revisit-due", "2025-0003"), ("rfc-overdue", "2026-10-follow-the-sun-on-call")} <= kinds
    assert data["problems"] == []


def test_example_pages(example_site: Path) -> None:
    index = (example_site / "decisions" / "index.html").read_text("utf-8")
    assert 'data-filters="Status,Tags"' in index and "opsbook-badge--warn" in index
    superseded = (example_site / "decisions" / "2025-0006" / "index.html").read_text("utf-8")
    assert "This decision is no longer in force: it was superseded by" in superseded
    assert 'href="../2026-0003/"' in superseded and 'href="../2025-0001/"' in superseded
    deprecated = (example_site / "decisions" / "2025-0004" / "index.html").read_text("utf-8")
    assert "it was deprecated" in deprecated
    rfc = (example_site / "rfcs" / "2026-01-blue-green-deployments" / "index.html").read_text("utf-8")
    assert 'href="../../decisions/2026-0001/"' in rfc and "Decision log" in rfc
    decision = (example_site / "decisions" / "2026-0001" / "index.html").read_text("utf-8")
    assert 'href="../../rfcs/2026-01-blue-green-deployments/"' in decision
    home = (example_site / "index.html").read_text("utf-8")
    assert "Strangler-fig migration of billing" in home and "6 days left" in home
    assert "overdue by 19 days" in home
    practice = (example_site / "practices" / "decisions" / "index.html").read_text("utf-8")
    assert "Error-budget policy, with SLOs defined in OpenSLO" in practice  # decision_log(tag="slo")


def _adr_site(make_site: Callable[..., Path], folder: str) -> Path:
    root = make_site(
        {
            "docs/index.md": "# Home\n\nSee [the first record](adr/0001-record-architecture-decisions.md) "
            "and {{ decision_log(n=2) }}\n\n{{ open_rfcs() }}\n"
        },
        mkdocs_yml="""\
                     site_name: ADR site
                     theme: {name: material, font: false}
                     plugins:
                       - search
                       - macros:
                           on_error_fail: true
                       - opsbook:
                           decisions: [docs/adr]
                     """,
    )
    shutil.copytree(CORPUS / "adr" / folder, root / "docs" / "adr")
    return root


@pytest.mark.skipif(not (CORPUS / "adr").is_dir(), reason="corpus not present")
def test_foreign_folder_inside_docs_builds_strict(make_site: Callable[..., Path], tmp_path: Path) -> None:
    root = _adr_site(make_site, "alphagov-govuk-aws")
    site = mkdocs_build(root, strict=True, site_dir=tmp_path / "out")
    data = json.loads((site / "ops.json").read_text("utf-8"))
    assert data["problems"] == [] and len(data["decisions"]) == 38
    # "Pending" (proposed) and "Partly superseded" (accepted, in part) are read as a human reads them.
    assert sum(f["kind"] == "decision-status-unknown" for f in data["findings"]) == 0
    statuses = {d["id"]: (d["status"], d["status_raw"]) for d in data["decisions"]}
    assert statuses["0003-aws-networking-outline"] == ("accepted", "Partly superseded")
    # The record's page takes the raw file's place: one page per record, at the old URL.
    page = (site / "adr" / "0004-dns-definitions-for-hosts-and-services" / "index.html").read_text("utf-8")
    assert "opsbook-card" in page and "This decision is no longer in force" in page
    assert 'href="../0015-dns-infrastructure/"' in page
    home = (site / "index.html").read_text("utf-8")
    assert 'href="adr/0001-record-architecture-decisions/"' in home
    search = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    pages = [
        d["location"] for d in search["docs"] if d["location"] == "adr/0004-dns-definitions-for-hosts-and-services/"
    ]
    assert pages == ["adr/0004-dns-definitions-for-hosts-and-services/"]  # not twice
    index = (site / "decisions" / "index.html").read_text("utf-8")
    assert index.count('href="../adr/') == 38  # one row each; no status needs attention any more


@pytest.mark.skipif(not (CORPUS / "adr").is_dir(), reason="corpus not present")
def test_madr_folder_with_skipped_files_inside_docs(make_site: Callable[..., Path], tmp_path: Path) -> None:
    root = _adr_site(make_site, "adr-madr")
    (root / "docs" / "index.md").write_text("# Home\n\n{{ decision_log(n=3) }}\n", "utf-8")
    site = mkdocs_build(root, strict=True, site_dir=tmp_path / "out")
    # The folder's own index and template stay hand-written pages; the records are ours.
    assert "Decisions" in (site / "adr" / "index.html").read_text("utf-8")
    assert "opsbook-card" not in (site / "adr" / "index.html").read_text("utf-8")
    assert "opsbook-card" in (site / "adr" / "0003-provide-own-madr-tools" / "index.html").read_text("utf-8")
    index = (site / "decisions" / "index.html").read_text("utf-8")
    assert "adr/adr-template.md" in index and "a template for new records" in index
    # The skipped files fold away, a converted list inside (md_in_html; the site lists no pymdownx.details).
    folded = index[index.index('<details class="info">') : index.index("</details>")]
    assert "are not a decision</summary>" in folded and "<li><code>docs/adr/adr-template.md</code>" in folded


def test_no_decisions_no_pages(make_site: Callable[..., Path], tmp_path: Path) -> None:
    site = mkdocs_build(make_site({}), strict=True, site_dir=tmp_path / "out")
    assert not (site / "decisions").exists() and not (site / "rfcs").exists()
    data = json.loads((site / "ops.json").read_text("utf-8"))
    assert data["decisions"] == [] and data["rfcs"] == []


@pytest.mark.warnings_expected
def test_problems_fail_strict_and_show_without_it(make_site: Callable[..., Path], tmp_path: Path) -> None:
    from mkdocs.exceptions import Abort

    root = make_site(
        {
            "ops/decisions/2026-0001-a.md": "---\ntitle: A\nstatus: approved\ndate: 2026-01-01\n---\nBody\n",
            "ops/decisions/2026-0001-b.md": "---\ntitle: B\nstatus: accepted\ndate: 2026-01-01\n---\nBody\n",
            "rfcs/2026-11-x.md": "---\ntitle: <script>alert(1)</script>\nstatus: review\n"
            "authors: [a]\ndri: a\n"
            "review: {opens: 2026-11-20, closes: 2026-11-10}\ndecision: 2026-0009\n---\n"
            "<img src=x onerror=alert(1)>\n",
        }
    )
    with pytest.raises(Abort):
        mkdocs_build(root, strict=True, site_dir=tmp_path / "strict")
    site = mkdocs_build(root, strict=False, site_dir=tmp_path / "lax")
    problems = (site / "problems" / "index.html").read_text("utf-8")
    assert "unknown status" in problems and "duplicate decision id 2026-0001" in problems
    assert "before it opens" in problems and "2026-0009" in problems
    rfc = (site / "rfcs" / "2026-11-x" / "index.html").read_text("utf-8")
    assert "<script>alert(1)</script>" not in rfc and "<img src=x" not in rfc


def _golden_handbook(tmp_path: Path) -> dict[str, str]:
    files = {
        "ops/decisions/2025-0001-old.md": "---\ntitle: Old way\nstatus: superseded\n"
        "date: 2025-01-10\nowner: dana\n"
        "tags: [slo]\n---\n## Context\n\nOld.\n",
        "ops/decisions/2026-0001-new.md": "---\ntitle: New way\nstatus: accepted\n"
        "date: 2026-01-10\nowner: dana\n"
        "deciders: [dana, erin]\nsupersedes: [2025-0001]\ntags: [slo]\n"
        "revisit: 2026-06-01\n---\n## Decision\n\nUse the *new* way | <b>x</b>.\n",
        "docs/adr/0006-puppet.md": "# 6. Puppet architecture\n\nDate: 2017-07-04\n\n## Status\n\nPending\n\n"
        "## Context\n\nSee [the new way](../../ops/decisions/2026-0001-new.md).\n",
        "rfcs/2026-01-new-way.md": "---\ntitle: The new way\nstatus: accepted\nauthors: [erin]\ndri: erin\n"
        "review: {opens: 2026-01-01, closes: 2026-01-08}\ndecision: 2026-0001\n"
        "log:\n  - {date: 2026-01-09, entry: Accepted, by: dana}\n---\n## Summary\n\nDo it.\n",
        "rfcs/2026-11-open.md": "---\ntitle: Open one\nstatus: review\nauthors: [frank]\ndri: frank\n"
        "review: {opens: 2026-11-20, closes: 2026-12-01}\n---\nBody.\n",
    }
    for rel, text in files.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    hb = load_handbook(Settings(root=tmp_path, as_of=as_of_from_env(), decisions=("ops/decisions", "docs/adr")))
    assert hb.problems == ()
    pages, _ = render_pages(hb)
    return {p.path: p.markdown() for p in pages}


@pytest.mark.parametrize(
    ("page", "golden"),
    [
        ("decisions/index.md", "decisions-index.md"),
        ("decisions/2025-0001.md", "decision-superseded.md"),
        ("decisions/2026-0001.md", "decision-native.md"),
        ("adr/0006-puppet.md", "decision-nygard-in-docs.md"),
        ("rfcs/index.md", "rfcs-index.md"),
        ("rfcs/2026-01-new-way.md", "rfc-accepted.md"),
        ("rfcs/2026-11-open.md", "rfc-open.md"),
    ],
)
def test_golden_pages(tmp_path: Path, page: str, golden: str) -> None:
    assert_golden(GOLDEN / golden, _golden_handbook(tmp_path)[page])
