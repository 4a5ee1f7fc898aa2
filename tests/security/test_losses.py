"""Nothing lost silently (issue 10): a second file with an existing id never displaces the first,
broken front matter opsbook reads is a problem at its line, supersedes/amends cycles are problems;
the lenient build still publishes every valid item and nothing raises."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from conftest import mkdocs_build
from opsbook.build import load_handbook, render_pages
from opsbook.handbook import Handbook
from opsbook.settings import Settings

AS_OF = datetime(2026, 11, 28, tzinfo=UTC)
INCIDENT = """\
---
id: {id}
title: {title}
severity: SEV-2
services: [api]
started: 2026-11-04T10:00:00Z
detected: 2026-11-04T10:05:00Z
---
{title} postmortem body.
"""
DECISION = "---\ntitle: {title}\nstatus: accepted\ndate: 2026-01-05\n{extra}---\n## Context\n\n{title} body.\n"
RFC = "---\ntitle: {title}\nstatus: draft\nauthors: [dana]\ndri: dana\n---\n{title} body.\n"


def write(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), "utf-8")
    (root / "docs").mkdir(exist_ok=True)
    return root


def build(root: Path, **options: object) -> tuple[Handbook, dict[str, str]]:
    handbook = load_handbook(Settings(root=root, as_of=AS_OF, **options))  # type: ignore[arg-type]
    pages, _ = render_pages(handbook)
    return handbook, {p.path: p.body for p in pages}


def problems_of(hb: Handbook, file: str) -> list[tuple[int | None, str]]:
    return [(p.line, p.message) for p in hb.problems if p.file == file]


# A file manager's copy sorts before the original in plain string order (" " < "."): by name
# (without the extension, see sources.name_order) the original comes first and keeps its id.
ORIGINAL_INCIDENT = "ops/incidents/INC-20261104-01.md"
COPIED_INCIDENT = "ops/incidents/INC-20261104-01 (copy).md"


def test_duplicate_incident_id_the_later_file_is_the_problem(tmp_path: Path) -> None:
    root = write(
        tmp_path,
        {
            ORIGINAL_INCIDENT: INCIDENT.format(id="INC-20261104-01", title="Original"),
            COPIED_INCIDENT: INCIDENT.format(id="INC-20261104-01", title="Hijack"),
            "ops/incidents/INC-20261105-01.md": INCIDENT.format(id="INC-20261105-01", title="Other"),
        },
    )
    hb, pages = build(root)
    assert [(i.id, i.file) for i in hb.incidents] == [
        ("INC-20261104-01", ORIGINAL_INCIDENT),
        ("INC-20261105-01", "ops/incidents/INC-20261105-01.md"),
    ]
    assert problems_of(hb, ORIGINAL_INCIDENT) == []
    assert problems_of(hb, COPIED_INCIDENT) == [
        (
            2,  # the `id:` line of the later file
            f"duplicate incident id INC-20261104-01: {ORIGINAL_INCIDENT} has it already, so this file is not "
            "published; give this incident its own id, e.g. INC-20261104-02",
        )
    ]
    page = pages["incidents/INC-20261104-01.md"]
    assert "Original postmortem body." in page
    assert "Hijack" not in page
    assert "Hijack" not in "".join(pages.values())  # the later file has no page under another name either


def test_duplicate_incident_id_from_the_file_name_is_reported_at_the_front_matter(tmp_path: Path) -> None:
    no_id = INCIDENT.replace("id: {id}\n", "")
    root = write(
        tmp_path,
        {
            "ops/incidents/2026/INC-20261104-01.md": no_id.format(title="Original"),
            "ops/incidents/INC-20261104-01.md": no_id.format(title="Later"),
        },
    )
    hb, _ = build(root)
    assert [i.file for i in hb.incidents] == ["ops/incidents/2026/INC-20261104-01.md"]
    assert [line for line, _ in problems_of(hb, "ops/incidents/INC-20261104-01.md")] == [2]


def test_duplicate_decision_number_across_folders(tmp_path: Path) -> None:
    # "ops/decisions-b/" < "ops/decisions/" as strings; folder by folder, ops/decisions comes first.
    original, later = "ops/decisions/2026-0001-original.md", "ops/decisions-b/2026-0001-hijack.md"
    root = write(
        tmp_path,
        {
            original: DECISION.format(title="Original", extra=""),
            later: DECISION.format(title="Hijack", extra=""),
            "ops/decisions/2026-0002-other.md": DECISION.format(title="Other", extra=""),
        },
    )
    hb, pages = build(root, decisions=("ops/decisions", "ops/decisions-b"))
    by_id = {d.id: d for d in hb.decisions}
    assert by_id["2026-0001"].file == original
    assert by_id["2026-0002"].file == "ops/decisions/2026-0002-other.md"
    assert problems_of(hb, original) == []
    assert problems_of(hb, later) == [
        (
            None,  # the number is in the file name, not on a line
            f"duplicate decision id 2026-0001: {original} has it too (two branches picked the same number), "
            "so this record is shown as 2026-0001-hijack; renumber this file, e.g. to 2026-0003",
        )
    ]
    page = pages["decisions/2026-0001.md"]
    assert "Original body." in page and "Hijack" not in page
    # Not lost: the later record keeps a page of its own, under its file name.
    assert by_id["2026-0001-hijack"].file == later
    assert "Hijack body." in pages["decisions/2026-0001-hijack.md"]


def test_duplicate_rfc_id_in_a_sub_folder(tmp_path: Path) -> None:
    root = write(
        tmp_path,
        {
            "rfcs/2026-01-rate-limits.md": RFC.format(title="Original"),
            "rfcs/archive/2026-01-rate-limits.md": RFC.format(title="Hijack"),
            "rfcs/2026-02-other.md": RFC.format(title="Other"),
        },
    )
    hb, pages = build(root)
    assert [(r.id, r.file) for r in hb.rfcs] == [
        ("2026-01-rate-limits", "rfcs/2026-01-rate-limits.md"),
        ("2026-02-other", "rfcs/2026-02-other.md"),
    ]
    assert problems_of(hb, "rfcs/archive/2026-01-rate-limits.md") == [
        (
            None,  # an RFC's id is its file name
            "duplicate RFC id 2026-01-rate-limits: rfcs/2026-01-rate-limits.md has it already (an RFC's id is "
            "its file name), so this file is not published; rename it to a YYYY-MM-<slug>.md of its own",
        )
    ]
    page = pages["rfcs/2026-01-rate-limits.md"]
    assert "Original body." in page and "Hijack" not in page


ONBOARDING_PAGE = """\
---
title: Guide
onboarding:
  week: 1
  why: [unclosed
---
# Guide
"""


def test_bad_yaml_in_a_docs_page_onboarding_front_matter(tmp_path: Path) -> None:
    root = write(
        tmp_path,
        {
            "docs/guide.md": ONBOARDING_PAGE,
            "docs/fine.md": "---\nonboarding: {week: 1, why: Start here}\n---\n# Fine\n",
            # Broken front matter that holds no `onboarding:` is MkDocs' business: no problem here.
            "docs/other.md": "---\ntitle: [unclosed\n---\n# Other\n",
        },
    )
    hb, _ = build(root)
    assert [(p.file, p.line) for p in hb.problems] == [("docs/guide.md", 6)]
    assert hb.problems[0].message.startswith("YAML syntax error: ")
    assert hb.problems[0].message.endswith("(front matter read for `onboarding:`)")
    assert hb.onboarding is not None
    assert [i.path for i in hb.onboarding.reading] == ["docs/fine.md"]  # the valid page is still listed


BROKEN_FRONT = "---\ntitle: Broken\nstatus: [accepted\n---\n# Broken\n\nBody.\n"


@pytest.mark.parametrize(
    "file",
    [
        "ops/incidents/INC-20261104-01.md",
        "ops/decisions/2026-0001-broken.md",
        "rfcs/2026-01-broken.md",
        "ops/runbooks/api.md",
    ],
)
def test_bad_yaml_in_any_front_matter_is_a_problem_at_its_line(tmp_path: Path, file: str) -> None:
    hb, _ = build(write(tmp_path, {file: BROKEN_FRONT}))
    yaml_problems = [p for p in hb.problems if p.message.startswith("YAML syntax error")]
    assert [(p.file, p.line) for p in yaml_problems] == [(file, 4)]


def cycle_files(*links: tuple[str, str]) -> dict[str, str]:
    return {
        f"ops/decisions/{source}-record.md": DECISION.format(title=source, extra=f"supersedes: [{target}]\n")
        for source, target in links
    }


def test_supersedes_cycle_of_two(tmp_path: Path) -> None:
    files = cycle_files(("2026-0001", "2026-0002"), ("2026-0002", "2026-0001"))
    hb, _ = build(write(tmp_path, files))
    assert [str(p) for p in hb.problems] == [
        "ops/decisions/2026-0001-record.md:5: supersedes cycle: "
        "2026-0001 supersedes 2026-0002 (ops/decisions/2026-0001-record.md:5), "
        "2026-0002 supersedes 2026-0001 (ops/decisions/2026-0002-record.md:5); "
        "a chain of records has a first one, remove the link that is wrong"
    ]


def test_supersedes_cycle_of_three_beside_a_valid_chain(tmp_path: Path) -> None:
    files = cycle_files(("2026-0001", "2026-0003"), ("2026-0002", "2026-0001"), ("2026-0003", "2026-0002"))
    files |= cycle_files(("2026-0005", "2026-0004"))  # a valid chain: no problem
    files["ops/decisions/2026-0004-record.md"] = DECISION.format(title="2026-0004", extra="")
    hb, _ = build(write(tmp_path, files))
    assert [str(p) for p in hb.problems] == [
        "ops/decisions/2026-0001-record.md:5: supersedes cycle: "
        "2026-0001 supersedes 2026-0003 (ops/decisions/2026-0001-record.md:5), "
        "2026-0003 supersedes 2026-0002 (ops/decisions/2026-0003-record.md:5), "
        "2026-0002 supersedes 2026-0001 (ops/decisions/2026-0002-record.md:5); "
        "a chain of records has a first one, remove the link that is wrong"
    ]
    assert {d.id for d in hb.decisions} == {f"2026-000{n}" for n in range(1, 6)}  # nothing dropped


def test_amends_cycle_and_a_foreign_superseded_by_link(tmp_path: Path) -> None:
    files = {
        "ops/decisions/2026-0001-a.md": DECISION.format(title="A", extra="amends: [2026-0002]\n"),
        "ops/decisions/2026-0002-b.md": DECISION.format(title="B", extra="amends: [2026-0001]\n"),
        # Nygard records: 0001 says "Superseded by 0002", 0002 says "Superseded by 0001".
        "docs/adr/0001-x.md": "# 1. X\n\n## Status\n\nSuperseded by [2. Y](0002-y.md)\n\n## Context\n\nx\n",
        "docs/adr/0002-y.md": "# 2. Y\n\n## Status\n\nSuperseded by [1. X](0001-x.md)\n\n## Context\n\ny\n",
    }
    hb, _ = build(write(tmp_path, files), decisions=("ops/decisions", "docs/adr"))
    got = [str(p) for p in hb.problems]
    assert len(got) == 2, got
    # The first link, 0001-x supersedes 0002-y, is written in 0002-y as "Superseded by 0001".
    assert got[0].startswith(
        "docs/adr/0002-y.md:5: supersedes cycle: 0001-x supersedes 0002-y (docs/adr/0002-y.md:5), "
        "0002-y supersedes 0001-x (docs/adr/0001-x.md:5);"
    )
    assert got[1].startswith("ops/decisions/2026-0001-a.md:5: amends cycle: 2026-0001 amends 2026-0002 ")


@pytest.mark.warnings_expected
def test_lenient_build_publishes_every_valid_item(make_site: Callable[..., Path]) -> None:
    files = {
        ORIGINAL_INCIDENT: INCIDENT.format(id="INC-20261104-01", title="Original"),
        COPIED_INCIDENT: INCIDENT.format(id="INC-20261104-01", title="Hijack"),
        "ops/incidents/INC-20261105-01.md": INCIDENT.format(id="INC-20261105-01", title="Other"),
        "rfcs/2026-01-rate-limits.md": RFC.format(title="Original"),
        "rfcs/archive/2026-01-rate-limits.md": RFC.format(title="Hijack"),
        "docs/guide.md": ONBOARDING_PAGE,
        **cycle_files(("2026-0001", "2026-0002"), ("2026-0002", "2026-0001")),
    }
    root = make_site(files)
    with pytest.raises(Abort):
        mkdocs_build(root, strict=True, site_dir=root / "strict-site")
    site = mkdocs_build(root, strict=False)
    incident = (site / "incidents" / "INC-20261104-01" / "index.html").read_text("utf-8")
    assert "Original postmortem body." in incident and "Hijack" not in incident
    for page in ("incidents/INC-20261105-01", "rfcs/2026-01-rate-limits", "decisions/2026-0001", "decisions/2026-0002"):
        assert (site / page / "index.html").is_file(), page
    problems = (site / "problems" / "index.html").read_text("utf-8")
    for needle in ("duplicate incident id", "duplicate RFC id", "supersedes cycle", "docs/guide.md"):
        assert needle in problems


def test_two_runbook_files_for_one_page(tmp_path: Path) -> None:
    runbook = "---\nowner: dana\n---\n# {title}\n\n## Pager\n\n{title} steps.\n"
    root = write(
        tmp_path,
        {
            # Same name: the extension decides, and ".markdown" < ".md".
            "ops/runbooks/api.markdown": runbook.format(title="Original"),
            "ops/runbooks/api.md": runbook.format(title="Hijack"),
            "ops/runbooks/db.md": runbook.format(title="Other"),
        },
    )
    hb, pages = build(root)
    assert [r.path for r in hb.runbooks] == ["ops/runbooks/api.markdown", "ops/runbooks/db.md"]
    assert problems_of(hb, "ops/runbooks/api.md") == [
        (
            None,
            "ops/runbooks/api.markdown already makes the page runbooks/api.md, so this file is not published; "
            "rename one of them",
        )
    ]
    assert "Original steps." in pages["runbooks/api.md"] and "Hijack" not in pages["runbooks/api.md"]


def test_two_checklist_files_with_one_id(tmp_path: Path) -> None:
    checklist = "title: {title}\nitems: [Do it]\n"
    root = write(
        tmp_path,
        {
            "ops/checklists/release.yaml": checklist.format(title="Original"),  # ".yaml" < ".yml"
            "ops/checklists/release.yml": checklist.format(title="Hijack"),
        },
    )
    hb, _ = build(root)
    assert [(c.id, c.title) for c in hb.checklists] == [("release", "Original")]
    assert [str(p) for p in hb.problems] == [
        "ops/checklists/release.yml: checklist id 'release' is also the id of ops/checklists/release.yaml, "
        "so this file is not published; rename one file"
    ]


def test_unclosed_front_matter_is_a_problem(tmp_path: Path) -> None:
    root = write(tmp_path, {"ops/runbooks/api.md": "---\nowner: dana\n# API\n\n## Pager\n\nSteps.\n"})
    hb, pages = build(root)
    assert [str(p) for p in hb.problems] == [
        "ops/runbooks/api.md:1: front matter opened by `---` on line 1 is never closed; end it with a `---` line"
    ]
    assert "runbooks/api.md" in pages  # still published, as Markdown
