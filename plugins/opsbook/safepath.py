"""Paths from untrusted sources: ids checked before they become paths, and one guarded write.

A pull request decides the ids (a service key, a file name) that become page paths, so a path is
only used when it is a clean relative path, and every file opsbook writes goes through
`write_inside`, which refuses anything that would land outside its output folder.
"""

from __future__ import annotations

import re
from pathlib import Path

# One path segment made from an id: a letter or digit first (no `.`/`..`, no hidden file), then
# letters, digits, `.`, `_` and `-`; no `/`, `\`, spaces or control characters.
_SEGMENT = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
SEGMENT_HINT = "letters, digits, '.', '_' and '-', starting with a letter or digit (no '/' or '..')"
_DRIVE = re.compile(r"^[A-Za-z]:")


class UnsafePath(ValueError):
    """A path that would leave its output folder; the message names it."""


def is_safe_segment(value: object) -> bool:
    """Whether `value` can be used as one segment of a path (a page name made from an id)."""
    return isinstance(value, str) and len(value) <= 200 and _SEGMENT.fullmatch(value) is not None


def clean_relative(path: str) -> str | None:
    """`path` normalised (`a/./b` -> `a/b`) when it stays inside its folder, else None.

    Refused: empty, absolute (`/x`, `C:x`), any `..` segment, backslashes, control characters.
    """
    if not isinstance(path, str) or not path or path.startswith("/") or _DRIVE.match(path):
        return None
    if "\\" in path or any(ord(c) < 32 or ord(c) == 127 for c in path):
        return None
    parts = [p for p in path.split("/") if p not in ("", ".")]
    if not parts or ".." in parts:
        return None
    return "/".join(parts)


def write_inside(folder: Path, relative: str, content: bytes) -> Path:
    """Write `content` to `folder/relative` and return the path; raise UnsafePath (writing
    nothing) when the path is not clean or a symlink on the way leads out of `folder`."""
    clean = clean_relative(relative)
    if clean is None:
        raise UnsafePath(f"refused to write {relative!r}: not a relative path inside {folder}")
    base = folder.resolve()
    base.mkdir(parents=True, exist_ok=True)
    current = base
    parts = clean.split("/")
    for part in parts[:-1]:  # one level at a time: never create a folder behind a symlink that leads out
        current = current / part
        if current.is_symlink() and not _resolves_inside(current, base):
            raise UnsafePath(f"refused to write {relative!r}: {current} is a symlink out of {folder}")
        if not current.exists():
            current.mkdir()
        elif not current.is_dir():
            raise UnsafePath(f"refused to write {relative!r}: {current} is a file, not a folder")
    target = current / parts[-1]
    if target.is_symlink() and not _resolves_inside(target, base):
        raise UnsafePath(f"refused to write {relative!r}: {target} is a symlink out of {folder}")
    target.write_bytes(content)
    return target


def _resolves_inside(link: Path, base: Path) -> bool:
    try:
        return link.resolve().is_relative_to(base)
    except (OSError, RuntimeError):  # a symlink loop leads nowhere safe
        return False
