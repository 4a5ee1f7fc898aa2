"""Golden scorecard pages of a small handbook, and the scorecards of the example handbook."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from conftest import REPO, assert_golden, mkdocs_build
from opsbook.build import load_handbook, render_pages
from opsbook.settings import Settings

GOLDEN = Path(__file__).parent / "golden"

FILES = {
    "ops/slo.yml": """\
        services:
          api:
            title: Public API
            owner: platform-pod
            dashboard: https://grafana.example/d/api
            slos:
              - {sli: availability, objective: 99.9}
              - {sli: latency, objective: 99, threshold: 200ms}
          jobs:
            title: Background <Jobs>
            slos: [{sli: freshness, objective: 90, threshold: 5m}]
        """,
    "ops/runbooks/api.md": "---\nlast_reviewed: 2026-11-10\n---\n# API\n\n## Pager\n\n## Playbooks\n\n## Rollback\n",
    "ops/incidents/INC-20261101-01.md": """\
        ---
        title: Checkout failed
        severity: SEV-1
        services: [api]
        detected_by: customer
        started: 2026-11-01T09:00:00Z
        detected: 2026-11-01T09:10:00Z
        mitigated: 2026-11-01T09:40:00Z
        resolved: 2026-11-01T10:00:00Z
        postmortem: {published: 2026-11-06}
        follow_ups:
          - {action: Alert on pool saturation, owner: carol, due: 2026-11-20, status: open}
        ---
        ## Impact summary
        Checkout failed.
        """,
    "ops/maturity.yml": """\
        exemptions:
          - {service: jobs, criterion: owner, reason: Owner being hired, until: 2027-01-31}
          - {service: jobs, criterion: runbook, reason: Runbook in review, until: 2026-11-01}
        attestations:
          - {service: api, criterion: ecosystem, by: dana, date: 2026-10-12, evidence: "https://status.example"}
        """,
}


def _pages(make_site: Callable[..., Path]) -> dict[str, str]:
    hb = load_handbook(Settings(root=make_site(FILES)))
    assert [str(p) for p in hb.problems] == []
    return {p.path: p.body for p in render_pages(hb)[0]}


def test_golden_service_scorecard(make_site: Callable[..., Path]) -> None:
    assert_golden(GOLDEN / "maturity-api.md", _pages(make_site)["maturity/api.md"])


def test_golden_exempt_service_scorecard(make_site: Callable[..., Path]) -> None:
    assert_golden(GOLDEN / "maturity-jobs.md", _pages(make_site)["maturity/jobs.md"])


def test_golden_organisation_scorecard(make_site: Callable[..., Path]) -> None:
    assert_golden(GOLDEN / "maturity-index.md", _pages(make_site)["maturity/index.md"])


def test_scorecards_build_strict_and_land_in_ops_json(make_site: Callable[..., Path], tmp_path: Path) -> None:
    site = mkdocs_build(make_site(FILES), strict=True, site_dir=tmp_path / "out")
    data = json.loads((site / "ops.json").read_text("utf-8"))
    api = next(s for s in data["services"] if s["id"] == "api")["maturity"]
    assert api["level"] == 2 and api["next_level"] == 3
    assert api["missing"] == ["postmortems-on-time", "follow-ups-on-time"]  # published late; one overdue
    assert {c["id"]: c["outcome"] for c in api["criteria"]}["ecosystem"] == "pass"
    jobs = next(s for s in data["services"] if s["id"] == "jobs")["maturity"]
    assert {c["id"]: c["outcome"] for c in jobs["criteria"]}["owner"] == "exempt"
    assert [(f["kind"], f["subject"]) for f in data["findings"] if f["kind"] == "expired-exemption"] == [
        ("expired-exemption", "jobs")
    ]
    html = (site / "maturity" / "jobs" / "index.html").read_text("utf-8")
    assert "Background &lt;Jobs&gt;" in html and "<Jobs>" not in html
    service_page = (site / "services" / "api" / "index.html").read_text("utf-8")
    assert 'href="../../maturity/api/"' in service_page


def test_example_handbook_scorecards(tmp_path: Path) -> None:
    site = mkdocs_build(REPO, strict=True, site_dir=tmp_path / "site")
    data = json.loads((site / "ops.json").read_text("utf-8"))
    levels = {s["id"]: s["maturity"]["level"] for s in data["services"]}
    assert set(levels) >= {"web", "api", "database", "jobs", "contracts", "inference", "failover"}
    assert all(1 <= lv <= 5 for lv in levels.values())
    outcomes = {c["outcome"] for s in data["services"] for c in s["maturity"]["criteria"]}
    assert {"pass", "fail", "exempt"} <= outcomes
    m = data["maturity"]
    assert sum(m["distribution"].values()) == len(levels)
    assert [e["expired"] for e in m["exemptions"]].count(True) >= 1
    assert [e["expired"] for e in m["exemptions"]].count(False) >= 1
    assert any(f["kind"] == "expired-exemption" for f in data["findings"])
    # Every check that needs a kind of the example handbook is assessed: the data is all there.
    assessed = {c["id"]: c["outcome"] for c in m["organisation"]["criteria"]}
    assert all(o != "not-assessed" for cid, o in assessed.items() if cid != "ecosystem-org"), assessed
    service_outcomes = {c["id"]: c["outcome"] for c in data["services"][1]["maturity"]["criteria"]}
    assert all(o != "not-assessed" for cid, o in service_outcomes.items() if cid not in ("ecosystem",)), (
        service_outcomes
    )
    assert len(data["checklists"]) >= 6
    assert {r["role"] for r in data["onboarding"]["roles"]} >= {"engineer", "sre", "manager"}
    home = (site / "index.html").read_text("utf-8")
    assert 'href="onboarding/"' in home  # "start here"
    for page in ("maturity/index.html", "checks/index.html", "checklists/index.html", "onboarding/index.html"):
        assert (site / page).is_file(), page
