"""Real MkDocs builds: the example handbook's incident side, ops.json against its schema and hand
computations, search by id, strict failure on a bad incident, byte-identical rebuilds."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from incidents_helpers import GOOD, SLO
from jsonschema import Draft202012Validator
from mkdocs.exceptions import Abort

from conftest import FIXED_EPOCH, REPO, mkdocs_build
from opsbook.validate import schema


@pytest.fixture(scope="module")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One strict build of the example handbook for the whole module (strict: any warning fails it)."""
    old = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = FIXED_EPOCH
    try:
        yield mkdocs_build(REPO, strict=True, site_dir=tmp_path_factory.mktemp("example") / "site")
    finally:
        if old is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = old


@pytest.fixture(scope="module")
def ops(example_site: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((example_site / "ops.json").read_text("utf-8"))
    return data


def _incident(ops: dict[str, Any], iid: str) -> dict[str, Any]:
    return next(i for i in ops["incidents"] if i["id"] == iid)


def test_example_has_the_incident_pages(example_site: Path, ops: dict[str, Any]) -> None:
    assert len(ops["incidents"]) >= 12
    for i in ops["incidents"]:
        assert (example_site / "incidents" / i["id"] / "index.html").is_file()
    for page in ("incidents/index.html", "incidents/metrics/index.html", "attention/index.html"):
        assert (example_site / page).is_file()
    metrics = (example_site / "incidents/metrics/index.html").read_text("utf-8")
    assert metrics.count('<svg class="opsbook-chart"') == 3
    assert "<p><svg" not in metrics  # the SVG reached the page as HTML, not wrapped or escaped


def test_ops_json_validates_against_its_schema(ops: dict[str, Any]) -> None:
    errors = sorted(Draft202012Validator(schema("ops")).iter_errors(ops), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])
    assert ops["problems"] == []


def test_ops_json_figures_match_hand_computations(ops: dict[str, Any]) -> None:
    # INC-20261103-01: started 09:12Z, detected 09:15Z, acked 09:17Z, mitigated 09:50Z, resolved 10:40Z.
    i = _incident(ops, "INC-20261103-01")
    assert (i["ttd_minutes"], i["tta_minutes"], i["ttm_minutes"], i["ttr_minutes"]) == (3, 2, 38, 88)
    assert i["postmortem_due"] == "2026-11-06T10:40:00Z" and i["postmortem_on_time"] is True
    # `impact: 62%` (of checkout requests, as the postmortem says): 62 % x 38 min of 43.2 min.
    assert i["impact_fraction"] == {"api": 0.62} and i["impact_stated"] is True
    assert i["budget_consumed"]["api"][0]["impact_fraction"] == 0.62
    assert i["budget_consumed"]["api"][0]["share"] == round(0.62 * 38 / 43.2, 6)
    assert [(f["owner"], f["overdue"]) for f in i["follow_ups"]] == [
        ("carol", True),
        ("frank", False),
        ("carol", True),
        ("ivan", False),
    ]
    # INC-20261111-01 is written without offsets: read in Europe/Berlin (CET, +01:00).
    j = _incident(ops, "INC-20261111-01")
    assert j["started"] == "2026-11-11T13:10:00Z" and j["ttm_minutes"] == 95
    # 6 % of requests for 95 min; 98 % over 30 d = 864 min.
    assert j["budget_consumed"]["inference"][0]["share"] == round(0.06 * 95 / 864, 6)
    # The ongoing incident: impact so far from 17:05Z to the as-of 08:00Z.
    k = _incident(ops, "INC-20261127-01")
    assert (k["status"], k["impact_minutes"], k["ttm_minutes"], k["postmortem_state"]) == (
        "ongoing",
        895,
        None,
        "pending",
    )
    # The late postmortem: resolved 2026-11-19 15:10 CET, due 72 h later, not published.
    late = _incident(ops, "INC-20261119-01")
    assert late["postmortem_due"] == "2026-11-22T14:10:00Z" and late["postmortem_state"] == "overdue"
    assert _incident(ops, "INC-20260812-01")["postmortem_state"] == "late"  # published after the deadline
    m = ops["incident_metrics"]
    assert m["overall"]["count"] == 14
    # 12 resolved postmortems with a verdict: 10 on time, one late, one overdue (one due, one pending).
    assert (m["postmortems_on_time"], m["postmortems_missed"], m["postmortem_on_time_rate"]) == (
        10,
        2,
        0.8333,
    )
    # 27 follow-ups: 14 closed on time; 7 late (2 closed late, 5 open past due); 6 not yet due.
    assert (m["follow_ups_total"], m["follow_ups_open"], m["follow_ups_overdue"]) == (27, 11, 5)
    assert (m["follow_ups_on_time"], m["follow_ups_late"], m["follow_up_on_time_rate"]) == (14, 7, 0.6667)
    assert m["by_severity"]["SEV-1"]["count"] == 2 and m["by_severity"]["SEV-1"]["mean_ttr_minutes"] == 143
    budget = {b["service"]: b for b in m["budget_this_window"]}
    assert budget["api"]["impact_minutes"] == 38 and budget["api"]["incidents"] == ["INC-20261103-01"]
    # INC-20261119-01: 20 % of reads for 18 min, not a full outage (83.3 % before impact shares).
    assert budget["database"]["share"] == round(0.2 * 18 / 21.6, 6)
    assert budget["database"]["consumed_minutes"] == 3.6 and budget["database"]["remaining_minutes"] == 18
    # Median and p90 beside every mean: one 185-minute detection no longer sets the headline.
    overall = m["overall"]
    assert overall["median_ttd_minutes"] < overall["mean_ttd_minutes"] <= overall["p90_ttd_minutes"]


def test_example_findings(ops: dict[str, Any]) -> None:
    kinds = [
        (f["kind"], f["subject"])
        for f in ops["findings"]
        if f["kind"] in ("ongoing-incident", "postmortem-overdue", "postmortem-due", "overdue-follow-up")
    ]
    assert ("ongoing-incident", "INC-20261127-01") in kinds
    assert ("postmortem-overdue", "INC-20261119-01") in kinds
    assert ("postmortem-due", "INC-20261125-01") in kinds
    assert sum(1 for k, _ in kinds if k == "overdue-follow-up") == 5


def test_incident_pages_are_searchable_by_id(example_site: Path) -> None:
    index = json.loads((example_site / "search" / "search_index.json").read_text("utf-8"))
    titles = {d["location"]: d["title"] for d in index["docs"]}
    assert titles["incidents/INC-20261103-01/"].startswith("INC-20261103-01: ")


def test_example_pages_show_what_needs_attention(example_site: Path) -> None:
    attention = (example_site / "attention" / "index.html").read_text("utf-8")
    for text in (
        "Ongoing incidents",
        "Postmortems overdue",
        "Postmortems due",
        "Overdue follow-ups by owner",
    ):
        assert text in attention
    assert attention.index("Ongoing incidents") < attention.index("Overdue follow-ups by owner")
    service = (example_site / "services" / "api" / "index.html").read_text("utf-8")
    assert "Error budget this window" in service and "INC-20261103-01" in service
    practice = (example_site / "practices" / "incidents" / "index.html").read_text("utf-8")
    assert "54.5 % of the 43.2 min availability budget" in practice  # budget_consumed("api")
    assert "Alert on connection-pool saturation" in practice  # open_follow_ups("carol")


@pytest.mark.warnings_expected
def test_bad_incident_fails_a_strict_build_but_not_a_normal_one(example_copy: Path, tmp_path: Path) -> None:
    bad = GOOD.replace("INC-20261103-01", "INC-20261129-01").replace("severity: SEV-1", "severity: SEV-9")
    (example_copy / "ops" / "incidents" / "INC-20261129-01.md").write_text(bad, "utf-8")
    with pytest.raises(Abort):
        mkdocs_build(example_copy, strict=True, site_dir=tmp_path / "strict")
    site = mkdocs_build(example_copy, strict=False, site_dir=tmp_path / "lenient")
    problems = json.loads((site / "ops.json").read_text("utf-8"))["problems"]
    assert [(p["file"], p["line"]) for p in problems] == [("ops/incidents/INC-20261129-01.md", 4)]
    assert "SEV-9" in (site / "problems" / "index.html").read_text("utf-8")
    assert (site / "incidents" / "INC-20261129-01" / "index.html").is_file()  # still shown


MINIMAL = """\
site_name: Test handbook
theme: {name: material, font: false}
plugins:
  - search
  - opsbook
"""


def test_minimal_site_with_incidents_builds_strict_and_reproducibly(make_site: Any, tmp_path: Path) -> None:
    root = make_site({"ops/slo.yml": SLO, "ops/incidents/INC-20261103-01.md": GOOD}, MINIMAL)
    one = mkdocs_build(root, strict=True, site_dir=tmp_path / "one")
    two = mkdocs_build(root, strict=True, site_dir=tmp_path / "two")
    for rel in (
        "ops.json",
        "incidents/INC-20261103-01/index.html",
        "incidents/metrics/index.html",
        "attention/index.html",
        "incidents/index.html",
    ):
        assert (one / rel).read_bytes() == (two / rel).read_bytes(), rel


def test_raw_html_blocks_are_restored_and_searchable(example_site: Path) -> None:
    """The blocks the plugin keeps out of Markdown conversion are back in every page, and search
    indexes their words (islands.py)."""
    for page in example_site.rglob("*.html"):
        text = page.read_text("utf-8")
        assert "opsbook-island" not in text and "opsbook-html" not in text, page
    incident = (example_site / "incidents" / "INC-20261103-01" / "index.html").read_text("utf-8")
    assert incident.count('<div class="opsbook-card"><dl>') == 2 and "<td>Impact began (T0)</td>" in incident
    index = json.loads((example_site / "search" / "search_index.json").read_text("utf-8"))
    texts = {d["location"]: d["text"] for d in index["docs"]}
    assert "Severity SEV-1" in texts["incidents/INC-20261103-01/"]  # the facts card, as words
    assert "Impact began (T0)" in texts["incidents/INC-20261103-01/#timeline"]
    # What every incident page says alike stays on the page but out of the index, where it would match them all.
    assert "All times Europe/Berlin" in incident and "Computed as of" in incident
    generated = {loc: text for loc, text in texts.items() if not loc.startswith("how-it-works/")}  # a guide quotes it
    assert not [loc for loc, text in generated.items() if "All times" in text or "Computed as of" in text]
