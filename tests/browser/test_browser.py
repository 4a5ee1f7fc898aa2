"""A real browser on the built example handbook, served under a sub-path like a PR preview.

Debian's chromium is driven by Playwright through `executable_path` (no browser download; `.ci/run`
installs chromium when missing). Skipped, not failed, only when /usr/bin/chromium is missing.
"""

from __future__ import annotations

import functools
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import FIXED_EPOCH, REPO

CHROMIUM = Path("/usr/bin/chromium")
PREFIX = "pr-123"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# The checklist script has run: its boxes are enabled (null-safe while a page is still swapping in).
READY = "(box => box !== null && !box.disabled)(document.querySelector('.opsbook-checklist input[data-item]'))"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed at /usr/bin"),
]


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The example handbook built once (strict, fixed as-of) and served at /pr-123/ on 127.0.0.1.

    The build's `site_url` is the preview's own URL, as a preview deployment sets it: Material's
    instant navigation only intercepts links listed in the sitemap under that URL.
    """
    root = tmp_path_factory.mktemp("served")
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
    base = f"http://127.0.0.1:{server.server_address[1]}/{PREFIX}/"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", FIXED_EPOCH)
        mp.delenv("OPSBOOK_BASE_REF", raising=False)
        site = root / PREFIX
        build(load_config(str(REPO / "mkdocs.yml"), strict=True, site_dir=str(site), site_url=base))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield base, site
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright  # in the `test` extra: missing is a failure

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield b
        finally:
            b.close()


@dataclass
class Watched:
    """A page with every request, console error and uncaught exception recorded."""

    page: Any
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def foreign_requests(self) -> list[str]:
        inline = ("data", "blob", "about")
        return [u for u in self.requests if urlparse(u).scheme not in inline and urlparse(u).hostname != "127.0.0.1"]


@pytest.fixture
def watched(browser: Any) -> Iterator[Watched]:
    context = browser.new_context()
    page = context.new_page()
    w = Watched(page)
    page.on("request", lambda req: w.requests.append(req.url))
    page.on("console", lambda msg: w.errors.append(f"console.{msg.type}: {msg.text}") if msg.type == "error" else None)
    page.on("pageerror", lambda exc: w.errors.append(f"uncaught: {exc}"))
    try:
        yield w
    finally:
        context.close()


def test_checklist_ticks_survive_a_reload_and_reset_clears_them(served: tuple[str, Path], watched: Watched) -> None:
    base, _ = served
    page = watched.page
    page.goto(base + "checklists/definition-of-done/")
    boxes = page.locator(".opsbook-checklist input[type=checkbox][data-item]")
    first, second = boxes.nth(0), boxes.nth(2)
    first.wait_for()
    page.wait_for_function(READY)
    assert not first.is_checked()
    first.check()
    second.check()
    assert page.locator(".opsbook-checklist__progress").inner_text().startswith("2 of ")

    page.reload()
    page.wait_for_function(READY)
    assert first.is_checked() and second.is_checked()
    assert not boxes.nth(1).is_checked()

    page.locator(".opsbook-checklist__reset").click()
    assert not first.is_checked() and not second.is_checked()
    page.reload()
    page.wait_for_function(READY)
    assert not first.is_checked() and not second.is_checked()
    assert watched.errors == []


def test_ticks_are_kept_per_checklist_and_site(served: tuple[str, Path], watched: Watched) -> None:
    base, _ = served
    page = watched.page
    page.goto(base + "checklists/definition-of-done/")
    page.wait_for_function(READY)
    page.locator(".opsbook-checklist input[data-item]").first.check()
    keys = page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('opsbook.checklist:'))")
    assert keys and all(k.startswith(f"opsbook.checklist:/{PREFIX}/:definition-of-done:") for k in keys)
    page.goto(base + "checklists/re-architecture/")
    page.wait_for_function(READY)
    assert page.locator(".opsbook-checklist input[data-item]:checked").count() == 0


def test_checklists_work_after_instant_navigation(served: tuple[str, Path], watched: Watched) -> None:
    """Material's instant navigation swaps the page without a reload: the ticks must still load."""
    base, _ = served
    page = watched.page
    page.goto(base + "checklists/", wait_until="networkidle")  # instant navigation needs the sitemap
    page.evaluate("window.__sameDocument = true")
    page.locator("article a[href$='definition-of-done/']").first.click()
    page.wait_for_url("**/checklists/definition-of-done/")
    page.wait_for_function(READY)
    assert page.evaluate("window.__sameDocument === true")  # instant navigation: no new document
    page.locator(".opsbook-checklist input[data-item]").first.check()
    page.reload()
    page.wait_for_function(READY)
    assert page.locator(".opsbook-checklist input[data-item]").first.is_checked()
    assert watched.errors == []


def test_search_finds_an_incident_by_its_id(served: tuple[str, Path], watched: Watched) -> None:
    base, site = served
    incidents = json.loads((site / "ops.json").read_text("utf-8"))["incidents"]
    assert incidents, "the example handbook should have incidents"
    incident_id = sorted(i["id"] for i in incidents)[-1]
    page = watched.page
    page.goto(base)
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(incident_id, delay=20)  # Material searches on key events, not on fill()
    # Results update per key: wait for the full id's results, then the incident must rank first.
    hit = page.locator(f".md-search-result__item a[href*='incidents/{incident_id}/']")
    hit.first.wait_for(timeout=15_000)
    # Earlier keystrokes' results may still be on screen: wait for the incident to lead the list.
    leads = "t => (document.querySelector('.md-search-result__item a')?.getAttribute('href') || '').includes(t)"
    page.wait_for_function(leads, arg=f"incidents/{incident_id}/", timeout=15_000)
    first = page.locator(".md-search-result__item a").first.get_attribute("href") or ""
    assert f"/{PREFIX}/incidents/{incident_id}/" in first, first
    assert watched.errors == []


@pytest.mark.parametrize("path", ["", "maturity/api/", "checklists/founders-checklist/"])
def test_pages_load_cleanly_and_offline(served: tuple[str, Path], watched: Watched, path: str) -> None:
    """No console error and no request to any host but the one serving the handbook."""
    base, _ = served
    page = watched.page
    page.goto(base + path, wait_until="networkidle")
    assert page.locator("article h1").count() >= 1
    assert watched.errors == []
    assert watched.foreign_requests() == []
    assert any(u.endswith("assets/opsbook.js") for u in watched.requests)
