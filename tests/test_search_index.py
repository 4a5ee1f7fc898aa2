"""Material's search index, written entry by entry (search.write_index, search.stream_index)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from material.plugins.search.plugin import SearchIndex

from conftest import API_SLO, mkdocs_build
from opsbook import search

ENTRIES = [
    {"location": "a/", "title": 'Quotes " and \\ back', "text": "<p>Ünïcödé — 日本 </script></p>", "tags": []},
    {"location": "b/#x", "title": "", "text": "", "boost": 1.5},
    {"location": "c/", "title": "Not JSON", "text": Path("a/b")},  # Material's encoder prints it (default=str)
]
CONFIG = {"lang": ["en"], "separator": search.SEPARATOR, "pipeline": ["stemmer"], "fields": {"title": {"boost": 1e3}}}


def _material(config: dict[str, Any], entries: list[Any]) -> str:
    """What Material's `generate_search_index` writes (the same call, outside a build)."""
    return json.dumps({"config": config, "docs": entries}, separators=(",", ":"), default=str)


@pytest.mark.parametrize("entries", [ENTRIES, ENTRIES[:1], []], ids=["three", "one", "none"])
def test_the_file_is_the_one_material_writes(tmp_path: Path, entries: list[Any]) -> None:
    path = tmp_path / "search" / "search_index.json"
    search.write_index(path, CONFIG, entries)
    assert path.read_bytes() == _material(CONFIG, entries).encode("utf-8")


def _site(make_site: Callable[..., Path]) -> Path:
    mkdocs_yml = "site_name: T\ntheme: {name: material, font: false}\nplugins: [search, opsbook]\n"
    return make_site({"ops/slo.yml": API_SLO, "docs/guide.md": "# Guide\n\n## Ünïcödé\n\nText.\n"}, mkdocs_yml)


def test_a_build_streams_the_same_index_material_would_write(
    make_site: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _site(make_site)
    with monkeypatch.context() as m:  # Material's own writer, as it is without opsbook's swap
        m.setattr(search, "stream_index", lambda plugins: False)
        material = mkdocs_build(root, site_dir=root / "material") / "search" / "search_index.json"

    def refuse(self: SearchIndex, prev: Any) -> str:
        raise AssertionError("Material built the index as one string")

    monkeypatch.setattr(SearchIndex, "generate_search_index", refuse)
    streamed = mkdocs_build(root) / "search" / "search_index.json"
    assert streamed.read_bytes() == material.read_bytes()
    assert any(d["location"] == "guide/" for d in json.loads(streamed.read_text("utf-8"))["docs"])


class _Config(dict[str, Any]):
    """A plugin config: options read as keys and as attributes."""

    def __getattr__(self, name: str) -> Any:
        return self[name]


class _Plugin:
    """Just what `_streaming` reads of Material's SearchPlugin."""

    def __init__(self, *, dirty: bool, enabled: bool = True) -> None:
        self.is_dirty = dirty
        self.config = _Config({**CONFIG, "enabled": enabled})
        self.search_index = type("Index", (), {"entries": list(ENTRIES)})()
        self.calls: list[str] = []


def _run(plugin: _Plugin, site: Path) -> None:
    """The swapped post_build handler, over Material's (which records that it ran)."""

    def original(*, config: Any) -> None:
        plugin.calls.append("material")

    search._streaming(plugin, original)(config=type("Config", (), {"site_dir": str(site)})())


def test_a_dirty_build_keeps_materials_writer(tmp_path: Path) -> None:
    # --dirty merges the previous index with this build's pages: only Material knows how.
    plugin = _Plugin(dirty=True)
    _run(plugin, tmp_path)
    assert plugin.calls == ["material"]
    assert not (tmp_path / "search").exists()


@pytest.mark.parametrize("enabled", [True, False])
def test_a_disabled_search_plugin_writes_nothing(tmp_path: Path, enabled: bool) -> None:
    plugin = _Plugin(dirty=False, enabled=enabled)
    _run(plugin, tmp_path)
    assert plugin.calls == []
    assert (tmp_path / "search" / "search_index.json").exists() is enabled


def test_only_materials_search_plugin_is_swapped() -> None:
    class Other:  # MkDocs' own search plugin writes its index differently: left as it is
        def on_post_build(self, *, config: Any) -> None: ...

    other = Other()
    plugins = type("Plugins", (dict,), {})({"search": other})
    plugins.events = {"post_build": [other.on_post_build]}
    assert not search.stream_index(plugins)
    assert plugins.events["post_build"] == [other.on_post_build]
