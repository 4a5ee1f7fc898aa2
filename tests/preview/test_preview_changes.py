"""Preview builds in a real temporary git repository: the semantic diff and the banners."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from conftest import mkdocs_build
from opsbook.preview.diff import compare

SLO = """\
window: 30d
services:
  api:
    title: Public API
    slos:
      - {sli: availability, objective: 99.9}
  web:
    slos:
      - {sli: availability, objective: 99}
"""

DECISION = """\
---
title: Adopt SLOs
status: {status}
date: 2026-03-02
---
## Decision
We adopt SLOs.
"""

INCIDENT = """\
---
title: API returned 5xx
severity: SEV-2
services: [api]
detected_by: monitor
started: 2026-11-04T09:12:00Z
detected: 2026-11-04T09:15:00Z
mitigated: 2026-11-04T09:52:00Z
resolved: 2026-11-04T10:40:00Z
postmortem: {{published: 2026-11-06}}
follow_ups:
  - {{action: Alert on pool saturation, owner: carol, due: 2026-11-20, status: {status}}}
---
## Impact summary
Errors.
"""

ROADMAP = "# Roadmap\n\n## Now\n\n- Rate limiting. DRI: @frank\n\n## Next\n\n- {moved}. DRI: @dana\n\n## Later\n\n"


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True)


@pytest.fixture
def repo(make_site: Callable[..., Path]) -> Path:
    root = make_site(
        {
            "ops/slo.yml": SLO,
            "ops/decisions/2026-0001-adopt-slos.md": DECISION.format(status="proposed"),
            "ops/incidents/INC-20261104-01.md": INCIDENT.format(status="open"),
            "ROADMAP.md": ROADMAP.format(moved="OpenSLO everywhere"),
        }
    )
    _git(root, "init", "-q", "-b", "main")
    _git(root, "-c", "user.email=t@example.com", "-c", "user.name=T", "add", "-A")
    _git(root, "-c", "user.email=t@example.com", "-c", "user.name=T", "commit", "-qm", "base")
    # The pull request: a looser objective, an accepted decision, a closed follow-up, a new
    # incident and a roadmap item moved from Next to Now.
    (root / "ops/slo.yml").write_text(SLO.replace("objective: 99.9", "objective: 99.5"), "utf-8")
    (root / "ops/decisions/2026-0001-adopt-slos.md").write_text(DECISION.format(status="accepted"), "utf-8")
    (root / "ops/incidents/INC-20261104-01.md").write_text(INCIDENT.format(status="done"), "utf-8")
    (root / "ops/incidents/INC-20261120-01.md").write_text(
        INCIDENT.format(status="open").replace("API returned 5xx", "Web outage").replace("[api]", "[web]"), "utf-8"
    )
    (root / "ROADMAP.md").write_text(
        "# Roadmap\n\n## Now\n\n- Rate limiting. DRI: @frank\n- OpenSLO everywhere. DRI: @dana\n\n"
        "## Next\n\n## Later\n\n",
        "utf-8",
    )
    return root


def test_preview_page_shows_the_semantic_difference(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPSBOOK_BASE_REF", "main")
    site = mkdocs_build(repo)
    data = json.loads((site / "ops.json").read_text("utf-8"))
    summaries = [e["summary"] for e in data["changes"]["entries"]]
    assert any("objective 99.9 % -> 99.5 %" in s and "43.2 min -> 3.6 h" in s for s in summaries), summaries
    slo = next(s for s in summaries if "objective 99.9 % -> 99.5 %" in s)
    assert "loosens the objective" in slo and "window" not in slo  # 30 d -> 30 d is not printed
    assert any("2026-0001: status proposed -> accepted" in s for s in summaries)
    assert any("INC-20261120-01" in s and s.startswith("New incident") for s in summaries)
    assert any("Alert on pool saturation" in s and "open -> done" in s for s in summaries)
    assert any("Roadmap: Next -> Now: OpenSLO everywhere" in s for s in summaries)
    page = (site / "changes" / "index.html").read_text("utf-8")
    assert "Changes in this preview" in page and "99.5 %" in page
    # The changed service page carries a banner linking to the changes page; an unchanged one does not.
    api = (site / "services" / "api" / "index.html").read_text("utf-8")
    assert "Changed in this preview" in api and 'href="../../changes/"' in api
    assert "Changed in this preview" not in (site / "services" / "web" / "index.html").read_text("utf-8")
    # The changes page is in the nav (no explicit nav here) and the home page opens with a link to it.
    home = (site / "index.html").read_text("utf-8")
    assert 'class="opsbook-preview-link"' in home and 'href="changes/"' in home


def test_slo_change_direction() -> None:
    from opsbook.preview.diff import slo_change

    base = {"objective": 99.5, "window_days": 30, "error_budget_minutes": 216}
    tighter = slo_change("api Availability", base, {**base, "objective": 99.9, "error_budget_minutes": 43.2})
    assert tighter.startswith("SLO api Availability tightens the objective: objective 99.5 % -> 99.9 %")
    longer = slo_change("api Availability", base, {**base, "window_days": 28, "error_budget_minutes": 201.6})
    assert "same objective" in longer and "window 30 d -> 28 d" in longer and "objective 99.5" not in longer


def test_base_ref_option_works_like_the_environment(repo: Path) -> None:
    yml = repo / "mkdocs.yml"
    yml.write_text(yml.read_text("utf-8").replace("  - opsbook", "  - opsbook:\n      base_ref: main"), "utf-8")
    site = mkdocs_build(repo)
    assert (site / "changes" / "index.html").is_file()


def test_no_base_ref_no_changes_page(repo: Path) -> None:
    site = mkdocs_build(repo)
    assert not (site / "changes").exists()
    assert json.loads((site / "ops.json").read_text("utf-8"))["changes"] is None


@pytest.mark.warnings_expected
def test_unknown_ref_is_a_problem_not_a_traceback(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPSBOOK_BASE_REF", "no-such-branch")
    with pytest.raises(Abort):
        mkdocs_build(repo, strict=True)
    site = mkdocs_build(repo, strict=False)
    problems = json.loads((site / "ops.json").read_text("utf-8"))["problems"]
    assert any("no-such-branch" in p["message"] and "not found" in p["message"] for p in problems)


def test_compare_of_identical_documents_is_empty() -> None:
    doc = {
        "services": [
            {
                "id": "api",
                "slos": [{"sli": "availability", "objective": 99.9, "window_days": 30, "error_budget_minutes": 43.2}],
                "maturity": {"level": 3},
            }
        ]
    }
    assert compare(doc, doc) == ()


def test_maturity_level_change() -> None:
    base = {"services": [{"id": "api", "slos": [], "maturity": {"level": 3, "url": "maturity/api/"}}]}
    head = {"services": [{"id": "api", "slos": [], "maturity": {"level": 2, "url": "maturity/api/"}}]}
    (change,) = compare(base, head)
    assert change.summary == "Maturity of api: level 3 -> 2" and change.page == "maturity/api.md"
