"""Layout, pictures, id search, live "now" and the preview link in a real browser (issue 14).

Same set-up as test_browser.py (Debian's chromium through Playwright's executable_path; skipped
only when /usr/bin/chromium is missing), on the example handbook served under a sub-path.
"""

from __future__ import annotations

import functools
import json
import subprocess
import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from test_browser import CHROMIUM, PREFIX, _Quiet, browser, served  # fixtures shared with that module

from conftest import API_SLO, mkdocs_build

__all__ = ["browser", "served"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed at /usr/bin"),
]

LIST_PAGES = [
    "",
    "incidents/",
    "incidents/metrics/",
    "decisions/",
    "rfcs/",
    "services/",
    "maturity/",
    "attention/",
    "team/",
    "cadence/",
    "runbooks/",
    "checks/",
    "checklists/",
    "onboarding/",
    "roadmap/",
    "services/api/",
    "incidents/INC-20261119-01/",
]

# Every table wider than its scroll box, by its first header (a clipped column hides data).
CLIPPED = """() => Array.from(document.querySelectorAll('article table')).filter(t => {
  const box = t.closest('.md-typeset__scrollwrap') || t.parentElement;
  return t.scrollWidth > box.clientWidth + 1;
}).map(t => (t.querySelector('th') || t).textContent.trim())"""


def _page(browser: Any, width: int, **options: Any) -> Any:
    context = browser.new_context(viewport={"width": width, "height": 900}, **options)
    return context, context.new_page()


@pytest.mark.parametrize("width", [1280, 390])
def test_no_page_scrolls_sideways_and_no_table_is_clipped_at_desktop(
    served: tuple[str, Path], browser: Any, width: int
) -> None:
    base, _ = served
    context, page = _page(browser, width)
    try:
        wide, clipped = [], []
        for path in LIST_PAGES:
            page.goto(base + path, wait_until="load")
            if page.evaluate("document.documentElement.scrollWidth") > width:
                wide.append(path)
            if width == 1280 and (tables := page.evaluate(CLIPPED)):
                clipped.append((path, tables))
        assert wide == [], f"pages scrolling sideways at {width} px"
        assert clipped == [], "tables clipped at 1280 px"
    finally:
        context.close()


def test_list_pages_use_the_full_width_and_facts_have_no_empty_header(served: tuple[str, Path], browser: Any) -> None:
    base, _ = served
    context, page = _page(browser, 1280)
    try:
        page.goto(base + "incidents/", wait_until="load")
        assert not page.locator(".md-sidebar--primary").is_visible()
        assert not page.locator(".md-sidebar--secondary").is_visible()
        page.goto(base + "services/api/", wait_until="load")
        assert not page.locator(".md-sidebar--primary").is_visible()  # item page: no empty left sidebar
        facts = page.locator(".opsbook-card dl")
        assert facts.count() == 1 and "Owner" in facts.inner_text()
        assert page.locator(".opsbook-card table").count() == 0
    finally:
        context.close()


@pytest.mark.parametrize(
    ("path", "kind", "title"),
    [
        ("services/api/", "budget", "error budget over the last"),
        ("maturity/", "grid", "services by criteria"),
        ("incidents/metrics/", "", "median and 90th percentile"),
        ("team/", "rotation", "On-call rotations over the next"),
    ],
)
def test_pictures_are_there_with_titles(
    served: tuple[str, Path], browser: Any, path: str, kind: str, title: str
) -> None:
    base, _ = served
    context, page = _page(browser, 1280)
    try:
        page.goto(base + path, wait_until="load")
        selector = f"svg.opsbook-chart--{kind}" if kind else "svg.opsbook-chart"
        titles = page.eval_on_selector_all(
            selector,
            "els => els.map(e => [e.querySelector('title')?.textContent, e.querySelector('desc')?.textContent])",
        )
        assert any(t and title in t and d for t, d in titles), titles
        box = page.locator(selector).first.bounding_box()
        assert box is not None and box["width"] > 100 and box["height"] > 50
    finally:
        context.close()


def test_maturity_grid_links_to_the_evidence(served: tuple[str, Path], browser: Any) -> None:
    base, _ = served
    context, page = _page(browser, 1280)
    try:
        page.goto(base + "maturity/", wait_until="load")
        cell = page.locator("svg.opsbook-chart--grid a[href*='#criterion-']").first
        href = cell.get_attribute("href") or ""
        page.goto(base + "maturity/" + href, wait_until="load")
        anchor = href.split("#", 1)[1]
        assert page.locator(f"[id='{anchor}']").count() == 1
    finally:
        context.close()


def _search(page: Any, base: str, query: str, target: str) -> tuple[str, list[str]]:
    """Type the query; wait until `target` leads the results (results update per keystroke)."""
    page.goto(base, wait_until="networkidle")
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query, delay=20)  # Material searches on key events, not on fill()
    first = "t => (document.querySelector('.md-search-result__item > a')?.getAttribute('href') || '').includes(t)"
    page.wait_for_function(first, arg=target, timeout=15_000)
    meta = page.locator(".md-search-result__meta").inner_text()
    hrefs = page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => e.getAttribute('href'))")
    return meta, hrefs


@pytest.mark.parametrize(
    ("query", "target", "most"),
    [
        ("INC-20261119-01", "incidents/INC-20261119-01/", 3),
        ("2026-0003", "decisions/2026-0003/", None),
        ("2026-06-service-mesh", "rfcs/2026-06-service-mesh/", None),
    ],
)
def test_an_exact_id_finds_its_item_first(
    served: tuple[str, Path], browser: Any, query: str, target: str, most: int | None
) -> None:
    base, _ = served
    context, page = _page(browser, 1280)
    try:
        meta, hrefs = _search(page, base, query, f"/{PREFIX}/{target}")
        assert hrefs and f"/{PREFIX}/{target}" in hrefs[0], (meta, hrefs[:3])
        if most is not None:
            count = int(meta.split()[0])
            assert count <= most, meta
    finally:
        context.close()


def test_word_search_still_works(served: tuple[str, Path], browser: Any) -> None:
    base, _ = served
    context, page = _page(browser, 1280)
    try:
        meta, hrefs = _search(page, base, "call", "call")  # written as "on-call" almost everywhere
        assert int(meta.split()[0]) >= 5 and any("team/" in h for h in hrefs)
    finally:
        context.close()


def _shift_at(site: Path, slug: str, offset_weeks: int) -> dict[str, str]:
    now = json.loads((site / "assets" / "opsbook-now.json").read_text("utf-8"))
    return now["rotations"][slug]["shifts"][offset_weeks]


def test_on_call_now_follows_the_readers_clock(served: tuple[str, Path], browser: Any) -> None:
    """A handbook built on the as-of date, read three weeks later, names that week's person."""
    base, site = served
    later = _shift_at(site, "primary-on-call", 3)
    context, page = _page(browser, 1280, timezone_id="Europe/Berlin")
    try:
        instant = datetime.fromisoformat(later["start"]) + timedelta(hours=1)
        page.clock.set_fixed_time(instant)
        page.goto(base, wait_until="load")
        cell = page.locator("[data-oncall-now='primary-on-call']").first
        page.wait_for_function(
            "() => document.querySelector(\"[data-oncall-now='primary-on-call'][data-opsbook-live]\") !== null"
        )
        assert later["name"] in cell.inner_text() and f"@{later['handle']}" in cell.inner_text()
        assert "your clock" in page.locator(".opsbook-now-asof").first.inner_text()
        # The same after Material's instant navigation to the team page.
        page.locator("article [data-oncall-now='primary-on-call'] a").first.click()
        page.wait_for_url("**/team/#person-*")
        page.wait_for_function(
            "() => document.querySelector(\"article [data-oncall-now='primary-on-call'][data-opsbook-live]\") !== null"
        )
        assert later["name"] in page.locator("article [data-oncall-now='primary-on-call']").first.inner_text()
    finally:
        context.close()


def test_without_javascript_the_build_value_stays_with_its_date(served: tuple[str, Path], browser: Any) -> None:
    base, site = served
    current = _shift_at(site, "primary-on-call", 0)
    context, page = _page(browser, 1280, java_script_enabled=False)
    try:
        page.goto(base, wait_until="load")
        assert current["name"] in page.locator("[data-oncall-now='primary-on-call']").first.inner_text()
        assert "as of 2026-11-28" in page.locator(".opsbook-now-asof").first.inner_text().lower()
    finally:
        context.close()


def test_preview_home_links_the_changes(
    browser: Any, make_site: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_site({"ops/slo.yml": API_SLO})
    git = ["git", "-C", str(root), "-c", "user.email=t@example.com", "-c", "user.name=T"]
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-qm", "base"]):
        subprocess.run([*git, *args], check=True, capture_output=True)
    (root / "ops/slo.yml").write_text(API_SLO.replace("99.9", "99.5"), "utf-8")  # the pull request loosens it
    monkeypatch.setenv("OPSBOOK_BASE_REF", "main")
    site = mkdocs_build(root)
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    context, page = _page(browser, 1280)
    try:
        page.goto(base, wait_until="load")
        assert page.locator("a[href$='changes/']").count() >= 2  # the nav and the home banner
        page.locator("a.opsbook-preview-link").click()
        page.wait_for_url("**/changes/")
        assert "Changes in this preview" in page.locator("article h1").inner_text()
        assert "loosens the objective" in page.locator("article").inner_text()
    finally:
        context.close()
        server.shutdown()
        server.server_close()
