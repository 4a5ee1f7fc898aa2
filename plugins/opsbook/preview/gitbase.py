"""Reading the sources as they are at a git ref, into a temporary folder, without touching the tree."""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..kinds import source_paths as kind_source_paths
from ..settings import Settings


class GitError(RuntimeError):
    """The base ref cannot be read; the message says why and what to do."""


def _git(root: Path, *args: str) -> bytes:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=False, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise GitError(f"cannot run git: {exc}") from None
    if done.returncode != 0:
        raise GitError(done.stderr.decode("utf-8", "replace").strip() or f"git {args[0]} failed")
    return done.stdout


def source_paths(settings: Settings) -> list[str]:
    """Every configured source path and the docs folder, relative to the handbook root."""
    paths = kind_source_paths(settings) + ([settings.docs_dir] if settings.docs_dir else [])
    return sorted(set(paths))


@contextmanager
def checkout(settings: Settings, ref: str) -> Iterator[tuple[Path, str]]:
    """Yield (root of the sources at `ref`, short commit id) in a temporary folder."""
    root = settings.root
    try:
        commit = _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").decode().strip()
    except GitError:
        raise GitError(
            f"git ref {ref!r} not found in {root}; fetch it first (e.g. `git fetch origin main`) "
            "or set base_ref / OPSBOOK_BASE_REF to an existing branch, tag or commit"
        ) from None
    prefix = _git(root, "rev-parse", "--show-prefix").decode().strip()
    wanted = [prefix + p for p in source_paths(settings)]
    listed = _git(root, "ls-tree", "-r", "--name-only", commit, "--", *wanted).decode("utf-8").splitlines()
    with tempfile.TemporaryDirectory(prefix="opsbook-base-") as tmp:
        if listed:
            archive = _git(root, "archive", "--format=tar", commit, "--", *listed)
            with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
                tar.extractall(tmp, filter="data")
        base_root = Path(tmp) / prefix
        base_root.mkdir(parents=True, exist_ok=True)
        yield base_root, commit[:12]
