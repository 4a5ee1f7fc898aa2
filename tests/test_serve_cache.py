"""Rebuilds under `mkdocs serve` redo only the changed pages, and the search index stays whole."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from importlib import resources
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

import opsbook.settings
from conftest import API_SLO
from opsbook.plugin import OpsbookPlugin
from opsbook.servecache import AS_OF_RENEWAL, ServeCache


def incident(n: int, title: str) -> str:
    return f"""\
---
id: INC-2026110{n}-01
title: {title}
severity: SEV-2
services: [api]
detected_by: monitor
started: 2026-11-0{n}T09:00:00Z
detected: 2026-11-0{n}T09:05:00Z
mitigated: 2026-11-0{n}T09:40:00Z
resolved: 2026-11-0{n}T10:30:00Z
follow_ups:
  - {{action: Fix the thing, owner: carol, due: 2026-12-01, status: open}}
---
## Impact summary

Customers saw errors on incident {n}.
"""


class Serve:
    """What `mkdocs serve` does per rebuild: a fresh config (MkDocs keeps the plugin instances)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.site = root / "site"
        self.config = self._config()
        self.config.plugins.on_startup(command="serve", dirty=False)

    def _config(self) -> MkDocsConfig:
        return load_config(str(self.root / "mkdocs.yml"), strict=True, site_dir=str(self.site))

    def rebuild(self) -> OpsbookPlugin:
        self.config = self._config()
        build(self.config, serve_url="http://127.0.0.1:8000/")
        plugin = self.config.plugins["opsbook"]
        assert isinstance(plugin, OpsbookPlugin)
        return plugin

    def search_locations(self) -> set[str]:
        index = json.loads((self.site / "search" / "search_index.json").read_text("utf-8"))
        return {doc["location"].split("#")[0] for doc in index["docs"]}


@pytest.fixture
def serve(make_site: Callable[..., Path]) -> Iterator[Serve]:
    incidents = {f"ops/incidents/INC-2026110{n}-01.md": incident(n, f"Outage {n}") for n in (1, 2, 3)}
    files = {"ops/slo.yml": API_SLO} | incidents
    server = Serve(make_site(files))
    try:
        yield server
    finally:
        server.config.plugins.on_shutdown()  # the plugin instance is shared by later builds in this process


def test_an_edit_rerenders_only_the_pages_it_changes(serve: Serve) -> None:
    first = serve.rebuild()
    cache = first.serve_cache
    assert cache is not None and cache.hits == [] and cache.converted
    item = "incidents/INC-20261102-01.md"
    before = (serve.site / "incidents" / "INC-20261102-01" / "index.html").read_text("utf-8")
    full_index = serve.search_locations()
    (serve.root / "ops/incidents/INC-20261102-01.md").write_text(incident(2, "Database failover"), "utf-8")

    again = serve.rebuild()
    cache = again.serve_cache
    assert cache is not None
    assert item in cache.converted and "incidents/INC-20261101-01.md" not in cache.converted
    assert "incidents/INC-20261101-01.md" in cache.hits and item not in cache.hits
    assert "incidents/index.md" not in cache.hits  # the list shows the new title
    after = (serve.site / "incidents" / "INC-20261102-01" / "index.html").read_text("utf-8")
    assert "Database failover" in after and "Database failover" not in before
    # Untouched pages are still written, whole, from the cache.
    untouched = (serve.site / "incidents" / "INC-20261101-01" / "index.html").read_text("utf-8")
    assert "Outage 1" in untouched and "</html>" in untouched
    # The search index still holds every page, and the edited one with its new title.
    assert serve.search_locations() == full_index
    index = (serve.site / "search" / "search_index.json").read_text("utf-8")
    assert "Database failover" in index and "Outage 2" not in index


def test_an_unchanged_rebuild_matches_a_full_build(serve: Serve) -> None:
    serve.rebuild()
    full = {p.relative_to(serve.site): p.read_bytes() for p in serve.site.rglob("*.html")}
    serve.rebuild()
    cache = serve.config.plugins["opsbook"].serve_cache  # type: ignore[attr-defined]
    assert cache.converted == [] and len(cache.hits) == len(full) - 1  # 404.html is a theme template
    assert {p.relative_to(serve.site): p.read_bytes() for p in serve.site.rglob("*.html")} == full


def test_a_plain_build_caches_nothing(serve: Serve) -> None:
    serve.config.plugins.on_startup(command="build", dirty=False)
    assert serve.rebuild().serve_cache is None


def test_serving_keeps_one_as_of_instant_until_it_is_an_hour_old() -> None:
    cache, start = ServeCache(), datetime(2026, 12, 4, 18, 3, tzinfo=UTC)
    assert cache.as_of(start) == start
    assert cache.as_of(start + timedelta(minutes=59)) == start  # a rebuild a minute later changes no page
    assert cache.as_of(start + AS_OF_RENEWAL) == start + AS_OF_RENEWAL
    assert cache.as_of(start) == start  # time went back (SOURCE_DATE_EPOCH changed): taken as given


def test_an_edit_in_a_later_minute_rerenders_only_its_pages(serve: Serve, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without SOURCE_DATE_EPOCH the clock moves between rebuilds; the pages must not all change."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    clock = [datetime(2026, 12, 4, 18, 3, tzinfo=UTC)]
    monkeypatch.setattr(opsbook.settings, "datetime", _Clock(clock))
    serve.rebuild()
    clock[0] += timedelta(minutes=7)
    (serve.root / "ops/incidents/INC-20261102-01.md").write_text(incident(2, "Database failover"), "utf-8")
    cache = serve.rebuild().serve_cache
    assert cache is not None and "incidents/INC-20261101-01.md" in cache.hits


class _Clock:
    """`datetime` with a `now` that a test moves."""

    def __init__(self, clock: list[object]) -> None:
        self._clock = clock

    def now(self, tz: object = None) -> object:
        return self._clock[0]

    def __getattr__(self, name: str) -> object:
        return getattr(datetime, name)


def test_unchanged_incidents_are_neither_parsed_nor_rendered_again(serve: Serve) -> None:
    serve.rebuild()
    (serve.root / "ops/incidents/INC-20261102-01.md").write_text(incident(2, "Database failover"), "utf-8")
    plugin = serve.rebuild()
    reuse = plugin.serve_cache.reuse  # type: ignore[union-attr]
    # The two other incidents' files and pages; the edited one is new.
    assert (reuse.reused["incident"], reuse.reused["incident-figures"], reuse.reused["incident-page"]) == (2, 2, 2)
    # The rows of the two others in the incident log and in the api service's incident history.
    assert (reuse.reused["incident-log-row"], reuse.reused["service-history:api"]) == (2, 2)
    titles = {i.id: i.title for i in plugin.handbook.incidents}  # type: ignore[union-attr]
    assert titles == {
        "INC-20261101-01": "Outage 1",
        "INC-20261102-01": "Database failover",
        "INC-20261103-01": "Outage 3",
    }
    for page in ("incidents/index.html", "services/api/index.html"):
        html = (serve.site / page).read_text("utf-8")
        assert "Database failover" in html and "Outage 1" in html and "Outage 2" not in html


def test_a_site_template_turns_row_reuse_off(serve: Serve) -> None:
    """A site's own incident log may read anything in a row: every row is rendered again."""
    log = resources.files("opsbook").joinpath("templates/incidents/index.md.j2").read_text("utf-8")
    folder = serve.root / "tpl" / "incidents"
    folder.mkdir(parents=True)
    (folder / "index.md.j2").write_text(log.replace("<td>{{ i.title }}</td>", "<td>{{ i.title }}!</td>"), "utf-8")
    yml = serve.root / "mkdocs.yml"
    yml.write_text(yml.read_text("utf-8").replace("  - opsbook\n", "  - opsbook:\n      templates: tpl\n"), "utf-8")
    serve.rebuild()
    (serve.root / "ops/incidents/INC-20261102-01.md").write_text(incident(2, "Database failover"), "utf-8")
    plugin = serve.rebuild()
    assert plugin.serve_cache.reuse.reused["incident-log-row"] == 0  # type: ignore[union-attr]
    assert "Outage 1!" in (serve.site / "incidents/index.html").read_text("utf-8")


def test_a_change_every_page_reads_renders_every_incident_page_again(serve: Serve) -> None:
    """The team names the follow-up owners on every incident page: a new name shows on all of them."""
    serve.rebuild()
    assert "Carol Jones" not in (serve.site / "incidents" / "INC-20261101-01" / "index.html").read_text("utf-8")
    (serve.root / "ops" / "team.yml").write_text("people:\n  - {handle: carol, name: Carol Jones}\n", "utf-8")
    plugin = serve.rebuild()
    reused = plugin.serve_cache.reuse.reused  # type: ignore[union-attr]
    assert reused["incident"] == reused["incident-page"] == 0  # the team is an input of both
    for n in (1, 2, 3):
        page = (serve.site / "incidents" / f"INC-2026110{n}-01" / "index.html").read_text("utf-8")
        assert "Carol Jones" in page


@pytest.mark.warnings_expected
def test_a_problem_of_a_reused_incident_is_reported_again(serve: Serve) -> None:
    bad = incident(3, "Outage 3").replace("severity: SEV-2", "severity: SEV-9")
    (serve.root / "ops/incidents/INC-20261103-01.md").write_text(bad, "utf-8")
    serve.config = serve._config()
    serve.config.strict = False
    build(serve.config, serve_url="http://127.0.0.1:8000/")
    (serve.root / "ops/incidents/INC-20261101-01.md").write_text(incident(1, "Edited"), "utf-8")
    serve.config = serve._config()
    serve.config.strict = False
    build(serve.config, serve_url="http://127.0.0.1:8000/")
    plugin = serve.config.plugins["opsbook"]
    assert plugin.serve_cache.reuse.reused["incident"] == 2  # type: ignore[attr-defined]
    problems = [p for p in plugin.handbook.problems if p.file == "ops/incidents/INC-20261103-01.md"]  # type: ignore[attr-defined]
    assert problems and "SEV-9" in problems[0].message


def test_search_text_is_reused_only_for_an_equal_page_and_blocks() -> None:
    cache = ServeCache()
    blocks = ("<table><tr><td>Outage 1</td></tr></table>\n",)
    html = "<h1>T</h1>\n" + blocks[0]  # the page as on_page_content left it: blocks restored
    first = cache.for_search("a.md", html, blocks)
    assert "Outage 1" in first and "<td>" not in first
    assert cache.for_search("a.md", html, blocks) is first
    other = ("<table><tr><td>Outage 2</td></tr></table>\n",)
    changed = cache.for_search("a.md", "<h1>T</h1>\n" + other[0], other)
    assert "Outage 2" in changed and "Outage 1" not in changed and "<td>" not in changed


def test_a_service_change_derives_every_incident_again(serve: Serve) -> None:
    """An SLO is an input of every incident's budget figures: a new objective shows on all of them."""
    serve.rebuild()
    slo = serve.root / "ops" / "slo.yml"
    assert "99.9" in slo.read_text("utf-8")
    slo.write_text(slo.read_text("utf-8").replace("99.9", "99.5"), "utf-8")
    plugin = serve.rebuild()
    assert plugin.serve_cache.reuse.reused["incident-figures"] == 0  # type: ignore[union-attr]
    for n in (1, 2, 3):
        page = (serve.site / "incidents" / f"INC-2026110{n}-01" / "index.html").read_text("utf-8")
        assert "99.5 %" in page
