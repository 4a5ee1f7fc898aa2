"""Reading source files defensively: size limits, binary detection, UTF-8 with a line number."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from .problems import ProblemLog

MAX_BYTES = 2_000_000  # a handbook source bigger than this is a mistake, not data


def rel(root: Path, path: Path) -> str:
    """The path as the user writes it: relative to the handbook root, with forward slashes."""
    try:  # the common case, a path built from the root: no file system calls (fast for 1000s of files)
        relative = path.relative_to(root)
        if ".." not in relative.parts:
            return relative.as_posix()
    except ValueError:
        pass
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def name_order(file: str) -> tuple[str, ...]:
    """Sort key of "the earlier file by name", which keeps an id two files claim: folder names one
    by one, then the file name without its extension. So `x.md` comes before `x (copy).md` and
    `x-copy.md`, and `ops/decisions/` before `ops/decisions-b/` (plain string order says otherwise)."""
    path = PurePosixPath(file)
    return (*path.parent.parts, path.stem, path.suffix)


def read_text(path: Path, name: str, problems: ProblemLog) -> str | None:
    """Return the file's text, or None after logging why it cannot be read as text."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            problems.add(name, None, f"file is {size:,} bytes; sources must be under {MAX_BYTES:,} bytes")
            return None
        data = path.read_bytes()
    except OSError as exc:
        problems.add(name, None, f"cannot read file: {exc.strerror or exc}")
        return None
    if b"\x00" in data:
        problems.add(name, None, "file is binary (contains NUL bytes); sources must be UTF-8 text")
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problems.add(name, line, f"invalid UTF-8 byte 0x{data[exc.start]:02x}; sources must be UTF-8 text")
        return None
    return text.replace("\r\n", "\n")


def list_files(folder: Path, suffixes: tuple[str, ...]) -> list[Path]:
    """Files under folder with one of the suffixes, sorted for deterministic output."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in suffixes)
