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
"""

from __future__ import annotations

from typing import Any

# Whitespace, or a hyphen not followed by a digit or capital letter (applied before lower-casing).
SEPARATOR = r"[\s]+|-(?![0-9A-Z])"
SEARCH_PLUGINS = ("search", "material/search")


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
