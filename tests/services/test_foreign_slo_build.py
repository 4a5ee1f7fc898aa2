"""Foreign SLO specs in a real strict build: pages, ops.json, and notes that never fail --strict."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from conftest import REPO, mkdocs_build

OPENSLO = """\
apiVersion: openslo/v1
kind: SLO
metadata: {name: search-latency, displayName: Search latency}
spec:
  service: search
  indicator:
    metadata: {name: search-fast}
    spec:
      ratioMetric:
        good: {metricSource: {type: P, spec: {query: 'h_bucket{le="0.3"}'}}}
        total: {metricSource: {type: P, spec: {query: h_count}}}
  timeWindow: [{duration: 28d, isRolling: true}]
  objectives: [{displayName: Fast, target: 0.99}]
---
apiVersion: openslo/v1
kind: AlertPolicy
metadata: {name: search-burn}
spec: {conditions: []}
"""
SLOTH = """\
version: prometheus/v1
service: api
slos:
  - {name: "<b>checkout</b>-availability", objective: "99.5", description: "Checkout <script>x</script>"}
"""
NATIVE = "services:\n  api:\n    title: API\n    slos:\n      - {sli: availability, objective: 99.9}\n"


def test_foreign_slos_reach_pages_and_ops_json_and_notes_do_not_fail_strict(
    make_site: Callable[..., Path], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    root = make_site({"ops/slo.yml": NATIVE, "ops/slo/search.yaml": OPENSLO, "ops/slo/sloth/api.yml": SLOTH})
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.opsbook"):
        site = mkdocs_build(root, strict=True, site_dir=tmp_path / "out")
    assert "ops/slo/search.yaml:15: openslo/v1 kind 'AlertPolicy' skipped" in caplog.text
    data = json.loads((site / "ops.json").read_text("utf-8"))
    assert data["problems"] == []
    assert data["notes"] == [
        {
            "file": "ops/slo/search.yaml",
            "line": 15,
            "message": "openslo/v1 kind 'AlertPolicy' skipped: opsbook reads the kinds SLO, SLI and Service",
        }
    ]
    services = {s["id"]: s for s in data["services"]}
    assert [s["source_format"] for s in services["api"]["slos"]] == ["opsbook", "sloth"]
    search = services["search"]["slos"][0]
    assert (search["objective"], search["window_days"], search["threshold_ms"], search["calendar"]) == (
        99,
        28,
        300,
        False,
    )
    assert search["error_budget_minutes"] == pytest.approx(403.2)
    page = (site / "services" / "search" / "index.html").read_text("utf-8")
    assert "Search latency" in page and "openslo/v1" in page and "ops/slo/search.yaml" in page
    api = (site / "services" / "api" / "index.html").read_text("utf-8")
    assert "<script>x</script>" not in api and "<b>checkout</b>" not in api  # escaped
    assert "&lt;b&gt;checkout&lt;/b&gt;-availability" in api


@pytest.mark.warnings_expected
def test_an_invalid_foreign_slo_fails_the_strict_build(make_site: Callable[..., Path], tmp_path: Path) -> None:
    bad = "version: prometheus/v1\nservice: api\nslos:\n  - {name: x, objective: 100}\n"
    root = make_site({"ops/slo.yml": NATIVE, "ops/slo/bad.yml": bad})
    with pytest.raises(Abort):
        mkdocs_build(root, strict=True, site_dir=tmp_path / "out")
    site = mkdocs_build(root, strict=False, site_dir=tmp_path / "loose")
    problems = json.loads((site / "ops.json").read_text("utf-8"))["problems"]
    assert [(p["file"], p["line"]) for p in problems] == [("ops/slo/bad.yml", 4)]


def test_the_example_handbook_shows_its_openslo_spec(tmp_path: Path) -> None:
    site = mkdocs_build(REPO, strict=True, site_dir=tmp_path / "site")
    api = next(s for s in json.loads((site / "ops.json").read_text("utf-8"))["services"] if s["id"] == "api")
    checkout = [s for s in api["slos"] if s["source_format"] == "openslo/v1"]
    assert [(s["name"], s["objective"], s["window_days"], s["threshold_ms"]) for s in checkout] == [
        ("Checkout latency < 800ms", 99.5, 28, 800)
    ]
