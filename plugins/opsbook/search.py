"""Search that finds an item by its id (INC-20261119-01, decision 2026-0003, an RFC's id).

Material's default separator splits at every hyphen, so an incident id becomes `inc`, `20261119`
and `01`, and the query (split the same way, terms OR-ed) matches every page that shows any
incident id: fifty hits for one incident. The query side always splits at hyphens (lunr's query
lexer); the index side is ours to choose:

- `SEPARATOR` keeps a hyphen followed by a digit or a capital inside its token, so ids and dates
  elsewhere become whole tokens (`inc-20261119-01`) that no query fragment matches, while
  ordinary words still split (`on-call` -> `on`, `call`).
- `alias(id)` is the distinctive pieces of the id as the query splits it (`20261119` of
  INC-20261119-01; `2026 0003` of decision 2026-0003: pieces with a digit, four characters or
  more), written hidden on the item's own page only, so that page matches and comes first while the
  pieces every id shares (`INC`, `01`) match nothing.
- Text that every page of a kind says alike (the as-of footer, an incident's timeline note) carries
  `data-search-exclude` in its template: it would match every such page and only grow the index.

`stream_index` writes Material's index file one entry at a time, byte for byte as Material would.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

# Whitespace, or a hyphen not followed by a digit or capital letter (applied before lower-casing).
SEPARATOR = r"[\s]+|-(?![0-9A-Z])"
SEARCH_PLUGINS = ("search", "material/search")
MATERIAL_SEARCH = "material.plugins.search.plugin"  # the module of Material's SearchPlugin
INDEX_CONFIG = ("lang", "separator", "pipeline", "fields")  # the options Material writes into the index


def alias(item_id: object) -> str:
    """The distinctive pieces of an id split at hyphens, as the search query will split it."""
    return " ".join(p for p in str(item_id).split("-") if len(p) >= 4 and any(c.isdigit() for c in p))


def configure(plugins: Any) -> bool:
    """Give the search plugin our separator unless the site chose its own; True if set.

    Runs before the search plugin's own `on_config`, which fills in the language default."""
    for name in SEARCH_PLUGINS:
        plugin = plugins.get(name) if hasattr(plugins, "get") else None
        config = getattr(plugin, "config", None)
        if config is not None and "separator" in config:
            if not config["separator"]:
                config["separator"] = SEPARATOR
                return True
            return False
    return False


def write_index(path: Path, config: Mapping[str, Any], entries: Iterable[Mapping[str, Any]]) -> None:
    """Write `{"config": ..., "docs": [...]}` as Material's `generate_search_index` does (compact
    separators, `default=str`, ASCII), one entry at a time instead of as one string and then bytes."""
    encode = json.JSONEncoder(separators=(",", ":"), default=str).encode
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write('{"config":' + encode(dict(config)) + ',"docs":[')
        for i, entry in enumerate(entries):
            out.write("," + encode(entry) if i else encode(entry))
        out.write("]}")


def stream_index(plugins: Any) -> bool:
    """Building: Material's search plugin writes its index with `write_index` instead of its own
    `on_post_build`; True if its handler was swapped.

    Material holds the whole index as one JSON string and again as its bytes while writing it, at the
    very end of the build: the peak memory of a large handbook (about 3.5x the file's size). The file
    is the same byte for byte. `mkdocs build --dirty` keeps Material's writer (it merges a previous
    index), and so does any search plugin but Material's."""
    handlers = getattr(plugins, "events", {}).get("post_build")
    for name in SEARCH_PLUGINS:
        plugin = plugins.get(name) if hasattr(plugins, "get") else None
        if plugin is None or type(plugin).__module__ != MATERIAL_SEARCH or not handlers:
            continue
        original = plugin.on_post_build
        for i, handler in enumerate(handlers):
            if handler == original:
                handlers[i] = _streaming(plugin, original)
                return True
    return False


def _streaming(plugin: Any, original: Callable[..., None]) -> Callable[..., None]:
    """`plugin`'s post_build handler, writing its index with `write_index`."""

    def on_post_build(*, config: Any) -> None:
        entries = getattr(getattr(plugin, "search_index", None), "entries", None)
        if getattr(plugin, "is_dirty", False) or not isinstance(entries, list):
            return original(config=config)
        if plugin.config.enabled:
            index_config = {k: plugin.config[k] for k in INDEX_CONFIG}
            write_index(Path(config.site_dir, "search", "search_index.json"), index_config, entries)

    return on_post_build
