"""The example handbook has all four "how we run" parts, in pages, cadence.ics and ops.json."""

from __future__ import annotations

import json
from pathlib import Path

from icalendar import Calendar

from conftest import REPO, mkdocs_build

HANDLES = {"alice", "bob", "carol", "dana", "erin", "frank", "grace", "heidi", "ivan", "judy", "mallory", "niaj"}
SERVICES = {"web", "api", "database", "jobs", "contracts", "inference", "failover"}


def test_example_handbook_how_we_run(tmp_path: Path) -> None:
    site = mkdocs_build(REPO, strict=True, site_dir=tmp_path / "site")
    data = json.loads((site / "ops.json").read_text("utf-8"))
    assert data["problems"] == []

    # Team: 12 people in 3 pods, the four built-in roles, two rotations with someone on call.
    assert {p["handle"] for p in data["team"]["people"]} == HANDLES
    assert [p["name"] for p in data["team"]["pods"]] == ["web-pod", "platform-pod", "data-pod"]
    assert {"DRI", "On-Call", "EM/TPM", "QA/Release Captain"} <= {r["name"] for r in data["team"]["roles"]}
    assert [o["rotation"] for o in data["oncall"]] == ["Primary on-call", "Data on-call"]
    assert all(o["current"] and o["current"]["handle"] in HANDLES for o in data["oncall"])
    assert all(len(o["schedule"]) >= 8 for o in data["oncall"])

    # Cadence: the chapter's seven rituals, with their rules, in the feed too.
    rituals = {r["name"]: r for r in data["rituals"]}
    assert {name: (r["frequency"], r["duration_minutes"]) for name, r in rituals.items()} == {
        "Daily standup": ("daily", None),
        "Triage": ("weekly", 30),
        "Ship review": ("weekly", 45),
        "Infra/on-call sync": ("weekly", 30),
        "Product council": ("biweekly", 60),
        "Retrospective": ("monthly", 60),
        "Quarterly planning": ("quarterly", 240),
    }
    assert rituals["Daily standup"]["time"] == "10:00" and rituals["Daily standup"]["channel"] == "#status"
    assert rituals["Triage"]["days"] == ["mon", "thu"]
    cal = Calendar.from_ical((site / "cadence.ics").read_bytes())
    assert sorted(str(e["summary"]) for e in cal.walk("VEVENT")) == sorted(rituals)
    cadence_html = (site / "cadence" / "index.html").read_text("utf-8")
    assert 'href="../cadence.ics"' in cadence_html

    # Runbooks: one per service, one stale.
    runbooks = {rb["service"]: rb for rb in data["runbooks"]}
    assert set(runbooks) == SERVICES
    assert [s for s, rb in runbooks.items() if rb["stale"]] == ["jobs"]
    assert {s["id"]: s["runbook"] for s in data["services"]}["api"] == "ops/runbooks/api.md"
    api_html = (site / "services" / "api" / "index.html").read_text("utf-8")
    assert 'href="../../runbooks/api/"' in api_html

    # Roadmap: a DRI per item but one.
    items = data["roadmap"]["items"]
    assert [i["section"] for i in items if i["dri"] is None] == ["Later"]
    assert all(i["dri"] in HANDLES for i in items if i["dri"])

    kinds = {(f["kind"], f["subject"]) for f in data["findings"]}
    assert ("stale-runbook", "jobs") in kinds and ("ritual-without-owner", "Retrospective") in kinds
    assert any(kind == "roadmap-item-without-dri" for kind, _ in kinds)
    for page in ("team", "roadmap", "roadmap/as-written", "runbooks", "runbooks/jobs", "practices/oncall"):
        assert (site / page / "index.html").is_file(), page
