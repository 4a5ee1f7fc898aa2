"""Loading the handbook at the base ref and comparing it with the working tree."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from .. import opsjson
from ..problems import ProblemLog
from ..settings import Settings
from .model import Changes

if TYPE_CHECKING:
    from ..handbook import Handbook


def compare_with_base(head: Handbook, log: ProblemLog, load_handbook: Callable[[Settings], Handbook]) -> Changes | None:
    """The changes from `settings.base_ref` to `head`; a git failure is a problem, not a crash.

    `load_handbook` is the pipeline itself (passed in, not imported: build.py calls this), so the
    base loads exactly as the head does.
    """
    settings = head.settings
    ref = settings.base_ref
    if not ref:
        return None
    # Only a preview build needs git, tarfile and the diff: a plain build never imports them.
    from .diff import compare
    from .gitbase import GitError, checkout

    try:
        with checkout(settings, ref) as (root, commit):
            # Same as-of date: only the data differs, so time passing never shows as a change.
            base = load_handbook(replace(settings, root=root, base_ref=None, templates=None))
    except GitError as exc:
        log.add("base_ref", None, f"cannot build a preview against {ref!r}: {exc}")
        return None
    return Changes(ref, commit, compare(opsjson.build(base), opsjson.build(head)))
