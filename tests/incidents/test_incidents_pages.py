"""Golden Markdown of an incident page and the incident log; charts, the attention page, escaping."""

from __future__ import annotations

import os
import re
from dataclasses import replace
from pathlib import Path

import pytest
from incidents_helpers import GOOD, handbook

from opsbook.attention import NO_OWNER, attention_page, sections
from opsbook.build import render_pages
from opsbook.handbook import Handbook
from opsbook.incidents import charts
from opsbook.incidents.model import Metrics, WindowBudget
from opsbook.incidents.pages import demote_headings, metric_charts
from opsbook.macros import functions
from opsbook.pages import GeneratedPage
from opsbook.problems import Finding
from opsbook.render import Renderer

GOLDEN = Path(__file__).parent / "golden"

ONGOING = """\
---
title: Uploads failing on the web app
severity: SEV-3
services: [web, jobs]
detected_by: customer
started: 2026-11-28T08:10:00+01:00
detected: 2026-11-28T08:40:00+01:00
roles: {coordinator: dana}
follow_ups: []
---
Still investigating.
"""


def _pages(tmp_path: Path, files: dict[str, str] | None = None) -> tuple[Handbook, dict[str, GeneratedPage]]:
    base = {"ops/incidents/INC-20261103-01.md": GOOD, "ops/incidents/INC-20261128-01.md": ONGOING}
    hb = handbook(tmp_path, base | (files or {}), tz="Europe/Berlin")
    assert hb.problems == ()
    pages, _ = render_pages(hb)
    return hb, {p.path: p for p in pages}


def _golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("OPSBOOK_UPDATE_GOLDEN") == "1":
        path.write_text(text, "utf-8")
    assert text == path.read_text("utf-8"), f"{name} changed; rerun with OPSBOOK_UPDATE_GOLDEN=1 if intended"


def test_golden_incident_page(tmp_path: Path) -> None:
    _, pages = _pages(tmp_path)
    _golden("INC-20261103-01.md", pages["incidents/INC-20261103-01.md"].markdown())


def test_golden_incident_log(tmp_path: Path) -> None:
    _, pages = _pages(tmp_path)
    _golden("index.md", pages["incidents/index.md"].markdown())


def test_incident_page_record(tmp_path: Path) -> None:
    _, pages = _pages(tmp_path)
    page = pages["incidents/INC-20261103-01.md"]
    assert page.title == "INC-20261103-01: Checkout API returned 5xx"  # searchable by id
    assert page.tags == ("incident", "SEV-1", "api", "resolved")
    assert page.source == "ops/incidents/INC-20261103-01.md" and not page.in_nav
    ongoing = pages["incidents/INC-20261128-01.md"]
    assert ongoing.tags == ("incident", "SEV-3", "web", "jobs", "ongoing")
    assert '!!! danger "Ongoing"' in ongoing.body
    assert "Impact so far: **50 min**" in ongoing.body  # 08:10+01:00 = 07:10Z to the as-of 08:00Z
    assert pages["incidents/index.md"].in_nav and pages["incidents/metrics.md"].in_nav


def test_metrics_page_has_the_three_charts(tmp_path: Path) -> None:
    _, pages = _pages(tmp_path)
    body = pages["incidents/metrics.md"].body
    assert body.count('<figure class="opsbook-chart-figure"><svg class="opsbook-chart"') == 3
    assert "Incidents per month by severity" in body and "median and 90th percentile" in body
    # No blank line inside a figure: Markdown would end the raw HTML block there.
    for figure in re.findall(r"<figure.*?</figure>", body, re.S):
        assert "\n\n" not in figure


def test_service_page_gains_incident_history_and_budget(tmp_path: Path) -> None:
    _, pages = _pages(tmp_path)
    api = pages["services/api.md"].body
    assert "## Incidents" in api and "### Error budget this window" in api
    assert (
        "| Availability 99.9 % | 2026-10-29 to 2026-11-28 | 43.2 min | 38 min | 88 % (38 min) | 12 % (5.2 min) |" in api
    )
    assert '!!! warning "Error budget at risk: Availability 99.9 %"' in api  # 88 % >= the default 75 %
    assert '<a href="../../incidents/INC-20261103-01/">INC-20261103-01: Checkout API returned 5xx</a>' in api
    jobs = pages["services/jobs.md"].body
    assert "### Error budget this window" not in jobs  # no availability SLO
    assert "INC-20261128-01" in jobs


def test_attention_page(tmp_path: Path) -> None:
    _, pages = _pages(tmp_path)
    body = pages["attention.md"].body
    order = [body.index(h) for h in ("## Ongoing incidents", "## Overdue follow-ups by owner")]
    assert order == sorted(order)
    assert "### carol (1)" in body
    assert '<a href="../incidents/INC-20261103-01/">INC-20261103-01</a>' in body


def test_attention_page_when_nothing_needs_attention(tmp_path: Path) -> None:
    hb = handbook(tmp_path, {"ops/incidents/INC-20261103-01.md": GOOD.replace("status: open", "status: done")})
    assert not [f for f in hb.findings if f.subject.startswith("INC-")]
    page = attention_page(replace(hb, findings=()), Renderer(None, as_of=hb.as_of, hb=hb))
    assert "Nothing needs attention" in page.body and page.path == "attention.md" and page.in_nav


def test_text_from_the_sources_is_escaped(tmp_path: Path) -> None:
    evil = GOOD.replace("title: Checkout API returned 5xx", 'title: "<script>alert(1)</script> | pipe"')
    evil = evil.replace("Checkout failed for 38 minutes.", "<img src=x onerror=alert(1)> and `<code>` kept")
    evil = evil.replace("action: Alert on pool saturation", 'action: "<b>bold</b>"')
    _, pages = _pages(tmp_path, {"ops/incidents/INC-20261103-01.md": evil})
    page = pages["incidents/INC-20261103-01.md"].markdown()
    assert "<script>" not in page and "<img" not in page and "<b>" not in page
    assert "&lt;img src=x" in page and "`<code>` kept" in page
    index = pages["incidents/index.md"].body
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &#124; pipe" in index


def test_body_links_to_other_sources_are_retargeted(tmp_path: Path) -> None:
    body = GOOD + "\nSee the [SLOs](../slo.yml) and the [tracker](https://example.com/x).\n"
    _, pages = _pages(tmp_path, {"ops/incidents/INC-20261103-01.md": body})
    text = pages["incidents/INC-20261103-01.md"].body
    assert "[SLOs](../services/index.md)" in text and "[tracker](https://example.com/x)" in text


def test_no_incidents_folder_no_incident_pages(tmp_path: Path) -> None:
    hb = handbook(tmp_path, {})
    pages = {p.path: p for p in render_pages(hb)[0]}
    assert not any(p.startswith("incidents/") for p in pages)
    assert "attention.md" in pages
    assert hb.incident_metrics is None and "## Incidents" not in pages["services/api.md"].body


# --- helpers ------------------------------------------------------------------------------


def test_demote_headings_leaves_code_alone() -> None:
    text = "# Title\n## Section\n```\n# comment\n```\n###### deepest\nnot # a heading"
    assert demote_headings(text) == "## Title\n### Section\n```\n# comment\n```\n###### deepest\nnot # a heading"


def test_attention_sections_order_and_grouping() -> None:
    found = [
        Finding("stale-runbook", "api", "old", "runbooks/api.md"),
        Finding("zz-new-kind", "x", "something"),
        Finding("overdue-follow-up", "INC-2", "b", None, "erin"),
        Finding("overdue-follow-up", "INC-1", "a", None, None),
        Finding("overdue-follow-up", "INC-1", "c", None, "carol"),
        Finding("ongoing-incident", "INC-3", "burning"),
    ]
    out = sections(found)
    assert [s.kind for s in out] == ["ongoing-incident", "overdue-follow-up", "stale-runbook", "zz-new-kind"]
    assert [s.title for s in out][-1] == "Zz new kind"
    assert [owner for owner, _ in out[1].by_owner] == ["carol", "erin", NO_OWNER]
    assert out[2].by_owner == () and not out[2].has_owners


# --- charts ---------------------------------------------------------------------------------


def test_charts_follow_the_palette_and_escape_labels() -> None:
    svg = charts.stacked_bars("Per <month>", ["2026-10", "2026-11"], [("SEV-1", [1, 0]), ("<b>", [2, 3])])
    assert svg.startswith('<svg class="opsbook-chart"') and svg.endswith("</svg>")
    assert 'fill="currentColor"' in svg and "var(--opsbook-series-1,#e53935)" in svg
    assert "<b>" not in svg and "&lt;b&gt;" in svg and "<title>Per &lt;month&gt;</title>" in svg
    assert "#000" not in svg and "#fff" not in svg  # no fixed text colour that vanishes in one palette
    assert "\n" not in svg


def test_chart_axes() -> None:
    assert charts.nice_max(5, integer=True) == 8 and charts.nice_max(0, integer=True) == 4
    assert charts.nice_max(7.3) == 10 and charts.nice_max(0.26) == 0.5 and charts.nice_max(0) == 1
    line = charts.line_chart("MTTR", ["a", "b", "c"], [("MTTR", [1.0, None, 2.0])], unit=" h")
    assert "<polyline" not in line  # a gap breaks the line; single points are dots
    assert line.count("<circle") == 2
    bars = charts.horizontal_bars("Budget", [("api 99.9 %", 88.0), ("web 99.9 %", 150.0)])
    assert "stroke-dasharray" in bars and "var(--opsbook-series-1" in bars  # over 100 %: the alarm colour


@pytest.mark.parametrize("name", ["INC-20261103-01.md", "index.md"])
def test_golden_files_exist(name: str) -> None:
    assert (GOLDEN / name).is_file()


# --- macros ------------------------------------------------------------------------------------


def test_macros(tmp_path: Path) -> None:
    hb, _ = _pages(tmp_path)
    m = functions(hb, Renderer(None, as_of=hb.as_of, hb=hb), lambda: "practices/incidents.md")
    recent = m["recent_incidents"](1)
    assert "[INC-20261128-01: Uploads failing on the web app](../incidents/INC-20261128-01.md)" in recent
    assert "INC-20261103-01" not in recent
    everyone = m["open_follow_ups"]()
    row = "| Alert on pool saturation | [INC-20261103-01](../incidents/INC-20261103-01.md) | carol |"
    assert row in everyone
    assert "overdue 8 d" in everyone and "| Owner |" in everyone
    mine = m["open_follow_ups"]("@carol")
    assert "Alert on pool saturation" in mine and "| Owner |" not in mine
    assert m["open_follow_ups"]("frank") == "No open follow-ups for frank.\n"
    assert m["budget_consumed"]("api") == ("88 % of the 43.2 min availability budget (99.9 %, 30 d) used by 1 incident")
    assert m["budget_consumed"]("jobs") == "*opsbook: service “jobs” has no availability SLO*"
    assert m["budget_consumed"]("nope").startswith("*opsbook: unknown service “nope” (known: api, jobs, web)")


def test_budget_chart_shows_the_most_consumed_services_first_and_caps_them(tmp_path: Path) -> None:
    hb, _ = _pages(tmp_path)
    start = hb.as_of
    budgets = tuple(
        WindowBudget(f"svc-{n:02d}", "Availability", 99.9, 30, start, 43.2, n, n / 43.2, ()) for n in range(30)
    )
    svg = metric_charts(Metrics(window_budgets=budgets), hb)["budget"]
    assert "(the 25 highest of 30)" in svg
    assert svg.index("svc-29 99.9 %") < svg.index("svc-28 99.9 %") and "svc-04 99.9 %" not in svg


def test_attention_has_one_row_per_item() -> None:
    found = [
        Finding(
            "stale-runbook", "jobs", "Runbook is stale: reviewed before the latest major incident", "runbooks/jobs.md"
        ),
        Finding("stale-runbook", "jobs", "Runbook is stale: last reviewed 271 days ago", "runbooks/jobs.md"),
        Finding("overdue-follow-up", "INC-1", "a: 8 days overdue", "incidents/INC-1.md", "carol"),
        Finding("overdue-follow-up", "INC-1", "b: 1 day overdue", "incidents/INC-1.md", "carol"),
    ]
    by_kind = {s.kind: s for s in sections(found)}
    (stale,) = by_kind["stale-runbook"].findings
    assert stale.message == (
        "Runbook is stale: last reviewed 271 days ago; Runbook is stale: reviewed before the latest major incident"
    )
    assert len(by_kind["overdue-follow-up"].findings) == 2  # two follow-ups, two rows under their owner
