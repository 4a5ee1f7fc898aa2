"""What a YAML document loads as: mappings and sequences that know the line of each entry."""

from __future__ import annotations

from typing import Any


class LineDict(dict[str, Any]):
    """A mapping that remembers its own line and the line of each key (1-based)."""

    line: int = 0
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line) if hasattr(self, "key_lines") else self.line


class LineList(list[Any]):
    """A sequence that remembers its own line and the line of each item (1-based)."""

    line: int = 0
    item_lines: list[int]

    def line_of(self, index: int) -> int:
        lines = getattr(self, "item_lines", [])
        return lines[index] if 0 <= index < len(lines) else self.line


class NotFinite(str):
    """`.nan`, `.inf`, `-.inf` or a far too long integer as written: text, never a number (the loader
    reported it at its line already)."""
