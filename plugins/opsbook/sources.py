"""Reading source files defensively: regular files inside the repository only, size limits,
binary detection, UTF-8 with a line number.

Sources may come from a stranger's pull request, so a source is read only when it is a regular
file whose real path lies inside the repository root: a symlink is followed when it stays inside
(`ops/runbooks/db.md -> ../../docs/db.md`), and is a problem naming the path when it leads out
(`-> /etc/passwd`). A folder named like a file (`ops/team.yml/`), a FIFO, socket or device is a
problem too, checked with stat before anything is opened (opening a FIFO would block the build).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any

from .problems import ProblemLog
from .yamlio import load_yaml

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


def present(path: Path) -> bool:
    """Whether anything is at `path` (a file, folder, FIFO or a symlink, even a broken one): a
    single-file source that is present but not a readable file is a problem, not an absent source."""
    return os.path.lexists(path)


@lru_cache(maxsize=64)
def _real(folder: Path) -> Path:
    return folder.resolve()


@lru_cache(maxsize=4096)
def _inside(folder: Path, root: Path) -> bool:
    """Whether `folder`, symlinks resolved, lies in `root`: once per folder, not once per source
    file (a handbook has thousands of files in a few folders)."""
    return folder.resolve().is_relative_to(_real(root))


def real_path(path: Path) -> Path:
    """`path` with symlinks resolved, or as it is when they cannot be (a loop): never raises, so a
    link in a source body to a symlink loop leads nowhere instead of stopping the build."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def forget_folders() -> None:
    """Resolve folders afresh (`mkdocs serve` rebuilds in one process while files change)."""
    _real.cache_clear()
    _inside.cache_clear()


OUTSIDE = "it is not read (sources are regular files inside the repository; symlinks may only point inside it)"


def refusal(path: Path, root: Path) -> str | None:
    """Why `path` is not read as a source, or None for a regular file inside `root`."""
    return _inspect(path, root)[0]


def _inspect(path: Path, root: Path) -> tuple[str | None, int]:
    """(refusal or None, size). Only `lstat` and cached folder look-ups: a FIFO is never opened,
    and a plain file costs one system call."""
    try:
        info = os.lstat(path)
        if stat.S_ISLNK(info.st_mode):
            return _link_refusal(path, root)
        if not _inside(path.parent, root):
            return f"lies in a folder that is a symlink out of the repository; {OUTSIDE}", 0
    except FileNotFoundError:
        return "file not found", 0
    except (OSError, RuntimeError) as exc:  # RuntimeError: a symlink loop on the way
        return f"cannot read file: {getattr(exc, 'strerror', None) or exc}", 0
    return _kind_refusal(info.st_mode), info.st_size


def _link_refusal(path: Path, root: Path) -> tuple[str | None, int]:
    """A symlink is followed only to a regular file inside `root`."""
    target = os.readlink(path)
    try:
        real = path.resolve(strict=True)
    except FileNotFoundError:
        return f"is a symlink to {target!r}, which does not exist; sources are regular files", 0
    except (OSError, RuntimeError):
        return f"is a symlink to {target!r} that cannot be resolved (a loop?); sources are regular files", 0
    if not real.is_relative_to(_real(root)):
        return f"is a symlink to {target!r} outside the repository; {OUTSIDE}", 0
    info = real.stat()
    return _kind_refusal(info.st_mode), info.st_size


def _kind_refusal(mode: int) -> str | None:
    if stat.S_ISDIR(mode):
        return "is a folder; expected a file here"
    if not stat.S_ISREG(mode):
        return "is not a regular file (a FIFO, socket or device); it is not read; sources are regular files"
    return None


def read_bytes(path: Path, name: str, problems: ProblemLog, root: Path, limit: int | None = MAX_BYTES) -> bytes | None:
    """The file's bytes, or None after logging why it is not read (see `refusal`; over `limit`).

    `root` is the folder the file must stay inside (the handbook root), symlinks resolved.
    """
    refused, size = _inspect(path, root)
    if refused is not None:
        problems.add(name, None, refused)
        return None
    try:
        if limit is not None and size > limit:
            problems.add(name, None, f"file is {size:,} bytes; sources must be under {limit:,} bytes")
            return None
        return path.read_bytes()
    except OSError as exc:
        problems.add(name, None, f"cannot read file: {exc.strerror or exc}")
        return None


# Texts read during one load (see `read_once`), by (path, root); None outside a load.
_read_memo: dict[tuple[Path, Path], str] | None = None


@contextmanager
def read_once() -> Iterator[None]:
    """Within: a source read twice in one load (by its kind, then by the check of links between
    records) is read and decoded once. Only texts read without a problem are kept, and only until
    the load ends, so a rebuild (`mkdocs serve`) always reads files afresh."""
    global _read_memo
    outer, _read_memo = _read_memo, {}
    try:
        yield
    finally:
        _read_memo = outer


def read_text(path: Path, name: str, problems: ProblemLog, root: Path) -> str | None:
    """Return the file's text, or None after logging why it cannot be read as text."""
    memo = _read_memo
    if memo is not None and (path, root) in memo:
        return memo[path, root]
    text = _read_text(path, name, problems, root)
    if memo is not None and text is not None:
        memo[path, root] = text
    return text


def _read_text(path: Path, name: str, problems: ProblemLog, root: Path) -> str | None:
    data = read_bytes(path, name, problems, root)
    if data is None:
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


def is_blank(text: str) -> bool:
    """Only whitespace and `#` comments: a YAML file that says nothing."""
    return all(not line.strip() or line.lstrip().startswith("#") for line in text.split("\n"))


def read_yaml(path: Path, name: str, problems: ProblemLog, root: Path, expected: str) -> Any:
    """The YAML data of a source file, or None after a problem. An empty file (or only comments)
    is a problem naming what was `expected`, never silently an absent source."""
    text = read_text(path, name, problems, root)
    if text is None:
        return None
    if is_blank(text):
        problems.add(name, None, f"file is empty; expected {expected}")
        return None
    return load_yaml(text, name, problems)


def list_files(folder: Path, suffixes: tuple[str, ...] | None) -> list[Path]:
    """Entries under folder with one of the suffixes (None: any), sorted for deterministic output.

    Everything but a real folder is listed (symlinks, FIFOs, devices too), so `read_text` reports
    what it refuses instead of it going missing silently; symlinked folders are not descended into.
    """
    if not folder.is_dir():
        return []
    found: list[Path] = []
    _walk(folder, suffixes, found)
    return sorted(found, key=lambda p: p.parts)  # the order of sorted(paths), without Path comparisons


def _walk(folder: Path, suffixes: tuple[str, ...] | None, found: list[Path]) -> None:
    """What `folder.rglob("*")` lists, filtered, from the directory entries' own types: a plain file
    costs no system call (thousands of incidents in one folder)."""
    try:
        with os.scandir(folder) as scanned:
            entries = list(scanned)
    except PermissionError:  # as rglob: an unreadable folder lists nothing
        return
    for entry in entries:
        path = folder / entry.name
        link = entry.is_symlink()
        try:
            is_dir = entry.is_dir()  # follows a symlink, as Path.is_dir
        except OSError:
            is_dir = False
        if is_dir and not link:
            _walk(path, suffixes, found)
        if (suffixes is None or path.suffix.lower() in suffixes) and (link or not is_dir):
            found.append(path)
