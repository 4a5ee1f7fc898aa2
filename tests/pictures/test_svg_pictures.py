"""The build-time SVG pictures: pure functions, checked without a build."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta

import pytest

from opsbook.incidents.charts import percentile_panels
from opsbook.incidents.derive import percentile
from opsbook.maturity.charts import Row, criteria_grid
from opsbook.render import built_url as page_url
from opsbook.services.charts import Impact, budget_chart, remaining_series
from opsbook.team.charts import Lane, rotation_chart

NS = "{http://www.w3.org/2000/svg}"
AS_OF = datetime(2026, 11, 28, 8, tzinfo=UTC)
HOSTILE = '<script>alert(1)</script> & "quoted"'


def parsed(svg: str) -> ET.Element:
    """Well-formed XML (so no source text broke out of its element or attribute) with title and desc."""
    root = ET.fromstring(svg)
    assert root.find(f"{NS}title") is not None and (root.find(f"{NS}title").text or "").strip()
    assert root.find(f"{NS}desc") is not None and (root.find(f"{NS}desc").text or "").strip()
    return root


def test_remaining_budget_as_the_window_moves() -> None:
    # 43.2 min budget over 30 days; one 21.6 min full outage 10 days ago, one at half impact.
    start = AS_OF - timedelta(days=10)
    impacts = [
        Impact("INC-1", start, start + timedelta(minutes=21.6), 1.0, "x/"),
        Impact("INC-2", start, start + timedelta(minutes=10), 0.5, "y/"),  # overlaps INC-1: counted once
    ]
    series = remaining_series(impacts, 43.2, 30, AS_OF, samples=31)
    assert series[0] == (AS_OF - timedelta(days=30), 1.0)  # before the incident: all left
    assert series[-1][0] == AS_OF
    assert series[-1][1] == pytest.approx(0.5)  # half the budget used
    assert min(s for _, s in series) == pytest.approx(0.5)


def test_impact_leaves_the_trailing_window() -> None:
    old = AS_OF - timedelta(days=40)
    series = remaining_series([Impact("INC-1", old, old + timedelta(minutes=60), 1.0, "x/")], 43.2, 30, AS_OF, 31)
    assert series[0][1] < 0  # 30 days ago the trailing window still held the outage: overspent
    assert series[-1][1] == 1.0  # today it has left the window


def test_budget_chart_escapes_and_links_incidents() -> None:
    start = AS_OF - timedelta(days=3)
    svg = budget_chart(
        HOSTILE, [Impact('INC-"1"', start, start + timedelta(minutes=5), 1, "../../i/")], 43.2, 30, AS_OF
    )
    root = parsed(svg)
    assert "<script>" not in svg and HOSTILE in (root.find(f"{NS}title").text or "")
    links = [a.get("href") for a in root.iter(f"{NS}a")]
    assert links == ["../../i/"]


def test_percentile_and_panels() -> None:
    assert percentile([], 50) is None
    assert percentile([1, 2, 3, 4], 50) == 2.5
    assert percentile([10] * 9 + [100], 90) == pytest.approx(19.0)
    svg = percentile_panels("T", ["2026-10", "2026-11"], [("Time to <b>detect</b>", [(5, 9), (None, None)])])
    root = parsed(svg)
    assert "<b>" not in svg and len(list(root.iter(f"{NS}circle"))) == 2  # one median + the legend's dot


def test_grid_cells_link_to_evidence_and_escape_labels() -> None:
    svg = criteria_grid(
        "Grid",
        [("owner", 2), ("runbook", 2)],
        [Row(HOSTILE, 2, "svc/", (("pass", "svc/#criterion-owner"), None))],
    )
    root = parsed(svg)
    hrefs = [a.get("href") for a in root.iter(f"{NS}a")]
    assert "svc/#criterion-owner" in hrefs and "<script>" not in svg
    assert len([r for r in root.iter(f"{NS}rect") if r.get("width") == "22"]) == 1  # blank where it does not apply


def test_rotation_chart_lanes() -> None:
    shifts = tuple((AS_OF + timedelta(weeks=k), AS_OF + timedelta(weeks=k + 1), f"p{k}") for k in range(3))
    root = parsed(rotation_chart("Rotations", [Lane("Primary <on-call>", shifts)], AS_OF, 2))
    assert [t.text for t in root.iter(f"{NS}text") if t.text == "Primary <on-call>"]


@pytest.mark.parametrize(
    ("src", "dst", "dirs", "url"),
    [
        ("services/api.md", "incidents/INC-1.md", True, "../../incidents/INC-1/"),
        ("maturity/index.md", "maturity/api.md", True, "api/"),
        ("index.md", "changes.md", True, "changes/"),
        ("services/api.md", "incidents/INC-1.md", False, "../incidents/INC-1.html"),
    ],
)
def test_page_url(src: str, dst: str, dirs: bool, url: str) -> None:
    assert page_url(src, dst, dirs) == url
