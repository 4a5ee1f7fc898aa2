"""A build lets go of what it no longer needs (memory.py and the plugin's build-only releases)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import API_SLO, mkdocs_build
from opsbook import markdown, memory, render, simpleyaml

# A second plugin, as MkDocs runs it after opsbook: it records what it could read of each generated
# page in the events after conversion, and at the end of the build what the generated files still hold.
HOOKS = """\
import json
from pathlib import Path

seen = {}
state = {}


def on_files(files, config):
    state["files"] = files


def on_page_context(context, page, config, nav):
    if page.file.generated_by:
        seen[page.file.src_uri] = page.content is not None


def on_post_build(config):
    files = state["files"]
    pages = [f.page for f in files if f.generated_by and f.src_uri.endswith(".md")]
    ops = files.get_file_from_path("ops.json")
    report = {
        "pages": len(pages),
        "content_seen": sum(seen.values()),
        "released": all(p.content is None and p.markdown == p.file.content_string == "" for p in pages),
        "titled": all(p.title == p.meta["title"] for p in pages),
        "ops_held": ops._content is not None,
        "ops_same": ops.content_bytes == Path(config.site_dir, "ops.json").read_bytes(),
    }
    Path(config.config_file_path).with_name("report.json").write_text(json.dumps(report), "utf-8")
"""

MKDOCS_YML = """\
site_name: T
theme: {name: material, font: false}
plugins: [search, opsbook]
hooks: [hooks.py]
"""


def test_caches_are_emptied() -> None:
    markdown.parse("# A title\n\nText with a [link](b.md).\n")
    markdown.links("Text with a [link](b.md).\n")
    render.built_url("incidents/a.md", "services/b.md")
    simpleyaml.load_simple("status: open\nowner: someone\n")
    render.finalize("printed")
    render._COMPILED._code["a template"] = b"its compiled code"
    memory.clear_caches()
    for cached in (markdown.parse, markdown._links, render._built, render._parts, render._folder):
        assert cached.cache_info().currsize == 0
    assert not render._PLAIN and not render._COMPILED._code
    assert not simpleyaml._plain_values and not simpleyaml._rest_values and not simpleyaml._str_keys
    memory.release()  # collects and trims; nothing to assert but that it runs here


def test_a_build_trims_as_it_writes_pages(make_site: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> None:
    trims: list[int] = []
    monkeypatch.setattr(memory, "trim", lambda: trims.append(1))
    monkeypatch.setattr(memory, "TRIM_EVERY", 2)
    root = make_site({"ops/slo.yml": API_SLO}, MKDOCS_YML.replace("hooks: [hooks.py]\n", ""))
    site = mkdocs_build(root)
    pages = len(list(site.rglob("index.html")))  # converted, then written: two steps each
    assert len(trims) >= pages  # a trim per two steps, plus release() after on_config and before the index


def test_a_build_lets_generated_pages_and_files_go_once_written(make_site: Callable[..., Path]) -> None:
    root = make_site({"ops/slo.yml": API_SLO, "hooks.py": HOOKS}, MKDOCS_YML)
    site = mkdocs_build(root)
    report = json.loads((root / "report.json").read_text("utf-8"))
    assert report["pages"] > 0
    assert report["content_seen"] == report["pages"]  # other plugins read every page's HTML in time
    assert report["released"] and report["titled"]  # the title stays the front matter's (tags.json reads it)
    # ops.json is no longer held in memory, yet reads back the same bytes (from the site folder).
    assert not report["ops_held"] and report["ops_same"]
    assert json.loads((site / "ops.json").read_text("utf-8"))["services"]
    # Caches emptied after on_config: nothing of the build remains in them.
    assert markdown.parse.cache_info().currsize == 0
