"""Real `mkdocs build` runs: nav, tags, search, edit links, macros, escaping, problems, determinism."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from html import unescape
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from mkdocs.exceptions import Abort

from conftest import REPO, mkdocs_build
from opsbook.validate import schema

SLO = """\
window: 30d
services:
  api:
    title: Public API
    owner: platform
    description: "Reads {{ 7 * 7 }} and <script>alert(1)</script> literally"
    dashboard: https://grafana.example.com/d/api
    slos:
      - sli: availability
        objective: 99.9
"""

WITH_MACROS = """\
site_name: T
repo_url: https://github.com/example/handbook
edit_uri: edit/main/docs/
theme: {{name: material, font: false, features: [content.action.edit]}}
plugins:
{plugins}
"""


def _site(make_site: Callable[..., Path], plugins: list[str], page: str = "# Home\n") -> Path:
    yml = WITH_MACROS.format(plugins="\n".join(f"  - {p}" for p in plugins))
    root = make_site({"ops/slo.yml": SLO}, yml)
    (root / "docs" / "index.md").write_text(page, "utf-8")
    return root


@pytest.mark.parametrize("order", [["search", "macros", "opsbook"], ["search", "opsbook", "macros"]])
def test_macros_work_in_either_plugin_order(make_site: Callable[..., Path], order: list[str]) -> None:
    root = _site(
        make_site,
        order,
        "# Home\n\nBudget: {{ error_budget('api') }}\n\n{{ slo_table('api') }}\n\nAs of {{ opsbook.as_of }}\n",
    )
    site = mkdocs_build(root)
    html = (site / "index.html").read_text("utf-8")
    assert "Budget: 43.2 min" in html
    assert 'href="services/api/"' in html  # slo_table links relative to the page using it
    assert "As of 2026-11-28T08:00:00Z" in html


def test_source_text_is_never_a_macro_and_is_escaped(make_site: Callable[..., Path]) -> None:
    site = mkdocs_build(_site(make_site, ["search", "macros", "opsbook"]))
    html = (site / "services" / "api" / "index.html").read_text("utf-8")
    assert "{{ 7 * 7 }}" in unescape(html) and ">49<" not in html
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html


def test_item_pages_are_out_of_the_nav_and_indexes_in_it(make_site: Callable[..., Path]) -> None:
    site = mkdocs_build(_site(make_site, ["search", "opsbook"]))
    home = (site / "index.html").read_text("utf-8")
    assert 'href="services/"' in home  # the section index is in the nav
    assert 'href="services/api/"' not in home  # the item page is not (it would make every page heavier)
    assert (site / "services" / "api" / "index.html").is_file()


def test_generated_pages_are_searchable_and_tagged(make_site: Callable[..., Path]) -> None:
    site = mkdocs_build(_site(make_site, ["search", "tags", "opsbook"]))
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    assert any(d["location"].startswith("services/api/") and "Public API" in d["title"] for d in index["docs"])
    html = (site / "services" / "api" / "index.html").read_text("utf-8")
    assert "md-tag" in html and ">service<" in html


def test_edit_link_points_at_the_source_data_file(make_site: Callable[..., Path]) -> None:
    site = mkdocs_build(_site(make_site, ["search", "opsbook"]))
    html = (site / "services" / "api" / "index.html").read_text("utf-8")
    assert 'href="https://github.com/example/handbook/edit/main/ops/slo.yml"' in html


def test_as_of_is_shown_on_generated_pages(make_site: Callable[..., Path]) -> None:
    site = mkdocs_build(_site(make_site, ["search", "opsbook"]))
    assert "Computed as of 2026-11-28 08:00 UTC" in (site / "services" / "index.html").read_text("utf-8")


def test_a_site_with_no_sources_builds_strict(make_site: Callable[..., Path]) -> None:
    site = mkdocs_build(make_site({}, "site_name: T\nplugins: [search, opsbook]\n"))
    data = json.loads((site / "ops.json").read_text("utf-8"))
    assert data["services"] == [] and data["problems"] == []
    assert (site / "problems" / "index.html").is_file()


@pytest.mark.warnings_expected
def test_problems_fail_strict_and_show_without_it(
    make_site: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_site(
        {
            "ops/slo.yml": "services:\n  api:\n    slos:\n      - {sli: availability, objective: 150}\n"
            "  web:\n    slos:\n      - {sli: availability, objective: 99}\n"
        }
    )
    with pytest.raises(Abort):
        mkdocs_build(root, strict=True)
    site = mkdocs_build(root, strict=False)
    problems = (site / "problems" / "index.html").read_text("utf-8")
    assert "ops/slo.yml" in problems and "objective" in problems
    data = json.loads((site / "ops.json").read_text("utf-8"))
    assert data["problems"][0]["file"] == "ops/slo.yml" and data["problems"][0]["line"] == 4
    assert [s["id"] for s in data["services"]] == ["api", "web"]  # nothing dropped
    assert "Traceback" not in capsys.readouterr().err


def test_ops_json_of_the_example_matches_its_schema(tmp_path: Path) -> None:
    site = mkdocs_build(REPO, site_dir=tmp_path / "site")
    data = json.loads((site / "ops.json").read_text("utf-8"))
    errors = list(Draft202012Validator(schema("ops")).iter_errors(data))
    assert not errors, [e.message for e in errors[:5]]
    api = next(s for s in data["services"] if s["id"] == "api")
    availability = next(s for s in api["slos"] if s["sli"] == "availability")
    assert availability["objective"] == 99.9 and availability["window_days"] == 30
    assert availability["error_budget_minutes"] == pytest.approx(43.2)
    assert [a["burn_rate"] for a in availability["burn_rate_alerts"]] == [14.4, 6.0, 1.0]


def _digest(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def test_rebuilds_are_byte_identical(tmp_path: Path) -> None:
    first = _digest(mkdocs_build(REPO, site_dir=tmp_path / "a"))
    second = _digest(mkdocs_build(REPO, site_dir=tmp_path / "b"))
    assert first == second


def test_serve_watches_the_data_folders(make_site: Callable[..., Path]) -> None:
    from mkdocs.config import load_config

    roadmap = "# Roadmap\n\n## Now\n\n- Ship it. DRI: @alice\n"
    root = make_site({"ops/slo.yml": SLO, "ROADMAP.md": roadmap, "rfcs/.keep": "", "ops/incidents/.keep": ""})
    cfg = load_config(str(root / "mkdocs.yml"))
    cfg.plugins.on_config(cfg)
    watched: list[str] = []

    class FakeServer:
        def watch(self, path: str) -> None:
            watched.append(Path(path).relative_to(root).as_posix())

    cfg.plugins["opsbook"].on_serve(FakeServer(), cfg, None)  # type: ignore[arg-type]
    assert {"ops/slo.yml", "ops/incidents", "rfcs", "ROADMAP.md"} <= set(watched)


def test_schemas_are_published_with_the_site(make_site: Callable[..., Path]) -> None:
    site = mkdocs_build(make_site({"ops/slo.yml": SLO}))
    published = json.loads((site / "schemas" / "ops.schema.json").read_text("utf-8"))
    assert published == schema("ops")
    assert (site / "schemas" / "incident.schema.json").is_file()


def test_incidents_without_any_slo_source_build_strict(make_site: Callable[..., Path]) -> None:
    # A missing source is simply absent: with no ops/slo.yml there is nothing to check services
    # against, so an incident naming "api" is not a problem (it is one once services are defined).
    incident = (REPO / "tests" / "fixtures" / "minimal_incident.md").read_text("utf-8")
    root = make_site({"ops/incidents/INC-20261104-01.md": incident}, "site_name: T\nplugins: [search, opsbook]\n")
    site = mkdocs_build(root)
    data = json.loads((site / "ops.json").read_text("utf-8"))
    assert data["problems"] == [] and data["incidents"][0]["services"] == ["api"]
    assert (site / "incidents" / "INC-20261104-01" / "index.html").is_file()
